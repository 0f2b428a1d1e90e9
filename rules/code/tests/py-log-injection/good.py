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
    return "no", 401
