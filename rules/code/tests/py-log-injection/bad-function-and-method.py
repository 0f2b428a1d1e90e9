import logging

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


class Audit:
    def record(self, who):
        logger.info("audit entry for %s", who.strip())


def record(who, headers):
    # ruleid: code/py-log-injection
    logger.info("login attempt for %s", who)


@app.route("/login", methods=["POST"])
def login():
    # A bare call reaches the module's function, whose first parameter is the form's user name.
    record(request.form["user"], request.headers)
    return "ok"
