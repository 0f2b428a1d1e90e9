import logging

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.route("/login")
def login():
    user = request.args.get("user", "")
    logger.info("login attempt for %s", user.replace("\n", "").replace("\r", ""))
    logger.info("login attempt for %s", repr(user))
    logger.info("login attempt")
    # The socket's client address is an IP address: no line break can be in it.
    logger.info("login attempt from %s", request.remote_addr)
    logger.warning("refused %s", request.environ.get("REMOTE_ADDR"))
    return "no", 401


def archive(request):
    logger.error("forbidden from IP %s", request.META["REMOTE_ADDR"])
    logger.debug("accepting %s", request.META.get("REMOTE_ADDR"))
