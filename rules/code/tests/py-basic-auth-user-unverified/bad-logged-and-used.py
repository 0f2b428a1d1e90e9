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
