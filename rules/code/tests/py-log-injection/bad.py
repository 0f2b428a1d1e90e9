import logging

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.route("/login")
def login():
    user = request.args.get("user")
    # ruleid: code/py-log-injection
    logger.info("login attempt for %s", user)
    # ruleid: code/py-log-injection
    app.logger.warning(f"failed login for {request.form['name']}")
    return "no", 401


def proxied(request, key):
    # A key held in a name may be PATH_INFO (percent-decoded) as well as a header's.
    # ruleid: code/py-log-injection
    logger.info("client %s", request.META.get(key))
