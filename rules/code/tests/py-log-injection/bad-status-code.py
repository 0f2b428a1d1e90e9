import logging

import requests
from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.route("/image_proxy")
def image_proxy():
    url = request.args.get("url")
    resp = requests.get(url, timeout=3)
    if resp.status_code != 200:
        # The URL itself, beside the status code, is the client's text.
        # ruleid: code/py-log-injection
        logger.debug("image-proxy: {0} answered {1}".format(url, resp.status_code))
        return "", 400
    return resp.content
