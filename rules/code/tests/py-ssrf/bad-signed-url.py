import hashlib
import hmac

import requests
from flask import Flask, request

app = Flask(__name__)
SECRET = b"server secret from the configuration"


def new_hmac(key, value):
    return hmac.new(key, value, hashlib.sha256).hexdigest()


@app.route("/image_proxy")
def image_proxy():
    url = request.args.get("url").encode()
    h = new_hmac(SECRET, url)
    # Fetched where the MAC does not match, or after a check that does not leave.
    if h != request.args.get("h"):
        # ruleid: code/py-ssrf
        return requests.get(url, timeout=5).content
    return "", 204


@app.route("/other")
def other():
    url = request.args.get("url").encode()
    # The MAC of another value signs nothing about this one.
    h = new_hmac(SECRET, request.args.get("id").encode())
    if h != request.args.get("h"):
        return "", 400
    # ruleid: code/py-ssrf
    return requests.get(url, timeout=5).content


@app.route("/empty")
def empty():
    url = request.args.get("url").encode()
    h = new_hmac(SECRET, url)
    # Compared with a constant, not with the signature the request carries: nothing is checked.
    if h != "":
        return "", 400
    # ruleid: code/py-ssrf
    return requests.get(url, timeout=5).content
