import logging

from urllib.parse import unquote

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.route("/<path:page>")
def page(page):
    # The decoded path, not the URL Werkzeug quotes again.
    # ruleid: code/py-log-injection
    logger.info("page %s", request.path)
    # The rebuilt URL decoded again by the view: `%0A` is a line break once more.
    # ruleid: code/py-log-injection
    logger.info("url %s", unquote(request.url))
    return "ok"
