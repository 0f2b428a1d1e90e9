# The nearest shapes to a user name only logged that still decide on it: given to a call whose result
# `isinstance` tests (not to `isinstance` itself), and copied whole into a log-named name then used as a key.
import logging

from flask import Flask, abort, request

app = Flask(__name__)
logger = logging.getLogger(__name__)
ADMINS = {}


@app.route("/admin")
def admin():
    # ruleid: code/py-basic-auth-user-unverified
    username = request.authorization.username
    if isinstance(username, bytes):
        username = username.decode("utf-8")
    logger.debug("admin page for %s", username)
    if not isinstance(ADMINS.get(username), dict):
        abort(403)
    return "secret"


@app.route("/other")
def other():
    # ruleid: code/py-basic-auth-user-unverified
    username = request.authorization.username
    log_user = username
    logger.info("hello %s", log_user)
    return ADMINS[log_user]
