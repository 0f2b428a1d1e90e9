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


def proxied(request):
    # A forwarding header is whatever the client wrote.
    # ruleid: code/py-log-injection
    logger.info("client %s", request.META.get("HTTP_X_FORWARDED_FOR"))
