import logging

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


def first_value(p):
    if "user" in p:
        return p.get("user")
    return {}


@app.route("/launch", methods=["POST"])
def launch():
    # A function that may return a string is no dict maker.
    parameters = first_value(request.form)
    # ruleid: code/py-log-injection
    logger.debug("parameters: %s", parameters)
    opts = {}
    if request.form.get("raw"):
        opts = request.form["raw"]
    # The name is bound to a string too.
    # ruleid: code/py-log-injection
    logger.debug(opts)
    values = {"user": request.form["user"]}
    # One value of the dict is the string itself.
    # ruleid: code/py-log-injection
    logger.info("user %s", values["user"])
    return "ok"
