import logging

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


def parse_parameters(p):
    return {"context_id": p.get("context_id"), "user_id": p.get("user_id")}


@app.route("/launch", methods=["POST"])
def launch():
    parameters = parse_parameters(request.form)
    # logging writes str() of the dict: each value's repr, its line breaks escaped.
    logger.debug("signature check failed with parameters: %s", parameters)
    opts = {}
    for key, value in request.form.items():
        opts[key] = value
    logger.debug(opts)
    return "ok"
