import hashlib
import hmac

import requests
from flask import Flask, Response, request

app = Flask(__name__)
SECRET = b"server secret from the configuration"


def new_hmac(key, value):
    return hmac.new(key, value, hashlib.sha256).hexdigest()


# The proxy answers with what a URL the server signed itself serves: the request only picks one of the
# server's own links.
@app.route("/image_proxy")
def image_proxy():
    url = request.args.get("url").encode()
    h = new_hmac(SECRET, url)
    if h != request.args.get("h"):
        return "", 400
    resp = requests.get(url, timeout=5)
    return Response(resp.content, mimetype=resp.headers["content-type"])
