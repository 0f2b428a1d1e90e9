import hashlib
import hmac

import requests
from flask import Flask, Response, request

app = Flask(__name__)
SECRET = b"server secret from the configuration"


def new_hmac(key, value):
    return hmac.new(key, value, hashlib.sha256).hexdigest()


# An image proxy: it fetches only a URL whose MAC under the server's key the request carries, so only
# links the server itself signed.
@app.route("/image_proxy")
def image_proxy():
    url = request.args.get("url").encode()
    h = new_hmac(SECRET, url)
    if h != request.args.get("h"):
        return "", 400
    resp = requests.get(url, timeout=5)
    return Response(resp.content, mimetype="image/png")


@app.route("/thumb")
def thumb():
    url = request.args.get("url", "").encode()
    expected = hmac.new(SECRET, url, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.args.get("sig", "")):
        return "", 403
    return requests.get(url, timeout=5).content
