import logging

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.route("/<path:page>")
def page(page):
    # The decoded path, not the URL Werkzeug quotes again.
    # ruleid: code/py-log-injection
    logger.info("page %s", request.path)
    return "ok"
