import logging

import requests
from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.route("/image_proxy")
def image_proxy():
    url = request.args.get("url").encode()
    resp = requests.get(url, stream=True, timeout=3)
    if resp.status_code != 200:
        # The upstream status code is a number, whatever URL the client asked for.
        # ok: code/py-log-injection
        logger.debug("image-proxy: wrong response code: {0}".format(resp.status_code))
        return "", 400
    return resp.content
