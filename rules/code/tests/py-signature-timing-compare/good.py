import hashlib
import hmac

from flask import Flask, abort, request

app = Flask(__name__)
SECRET = b"from-the-environment"


@app.post("/hook")
def hook():
    signature = request.headers.get("X-Hub-Signature-256", "")
    expected = "sha256=" + hmac.new(SECRET, request.data, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        abort(403)
    return "ok"


def same_file(data, checksum):
    # A plain hash compared with a stored checksum: no key, no authenticator.
    return hashlib.sha256(data).hexdigest() == checksum


def new_hmac(secret_key, url):
    return hmac.new(secret_key, url, hashlib.sha256).hexdigest()


@app.get("/image_proxy")
def image_proxy():
    url = request.args.get("url", "").encode()
    if not hmac.compare_digest(new_hmac(SECRET, url), request.args.get("h", "")):
        return "", 400
    return url
