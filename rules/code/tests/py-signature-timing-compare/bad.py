import hashlib
import hmac

from flask import Flask, abort, request

app = Flask(__name__)
SECRET = b"from-the-environment"


@app.post("/hook")
def hook():
    signature = request.headers.get("X-Hub-Signature-256", "")
    digest = "sha256=" + hmac.new(SECRET, request.data, hashlib.sha256).hexdigest()
    expected = hmac.new(SECRET, request.data, digestmod=hashlib.sha256).hexdigest()
    # ruleid: code/py-signature-timing-compare
    if expected != request.args.get("sig"):
        abort(403)
    # ruleid: code/py-signature-timing-compare
    if hmac.new(SECRET, request.data, hashlib.sha1).hexdigest() == signature:
        return "ok"
    # ruleid: code/py-signature-timing-compare
    if signature != digest:
        abort(403)
    return "ok"


def new_hmac(secret_key, url):
    return hmac.new(secret_key, url, hashlib.sha256).hexdigest()


@app.get("/image_proxy")
def image_proxy():
    url = request.args.get("url", "").encode()
    h = new_hmac(SECRET, url)
    # ruleid: code/py-signature-timing-compare
    if h != request.args.get("h"):
        return "", 400
    return url
