# Logged and also taken as the caller: the name that decides is reported, the log call around a copy of it
# does not clear it.
import logging

from flask import Flask, request, session

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.route("/login", methods=["POST"])
def login():
    logger.info("login from %s", request.remote_addr)
    # ruleid: code/py-basic-auth-user-unverified
    session["user"] = request.authorization.username
    return {"ok": True}


class Audit:
    def __str__(self):
        return "audit"

    def owner(self):
        # ruleid: code/py-basic-auth-user-unverified
        user = request.authorization.username
        logger.warning("acting as %s", user)
        return user


@app.route("/rpc", methods=["POST"])
def dispatch():
    # Decoded and logged as above, but then the name is also the session's user.
    # ruleid: code/py-basic-auth-user-unverified
    username = request.authorization.username
    if isinstance(username, bytes):
        username = username.decode("utf-8")
    log_args = (username, request.remote_addr)
    logger.debug("call by %s@%s", *log_args)
    session["user"] = username
    return {"ok": True}


@app.route("/whoami")
def whoami():
    # ruleid: code/py-basic-auth-user-unverified
    login = request.authorization.username
    log_line = "whoami by %s" % login
    logger.info(log_line)
    return {"user": login}
