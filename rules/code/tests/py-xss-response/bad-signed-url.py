import hashlib
import hmac

import requests
from flask import Flask, Response, request

app = Flask(__name__)
SECRET = b"server secret from the configuration"


def new_hmac(key, value):
    return hmac.new(key, value, hashlib.sha256).hexdigest()


# A MAC compared without leaving on a mismatch checks nothing.
@app.route("/image_proxy")
def image_proxy():
    url = request.args.get("url").encode()
    h = new_hmac(SECRET, url)
    if h != request.args.get("h"):
        print("unsigned")
    resp = requests.get(url, timeout=5)
    # ruleid: code/py-xss-response
    return Response(resp.content, mimetype=resp.headers["content-type"])
