import os

from flask import Flask, send_file

app = Flask(__name__)
IMAGES = "/srv/images"


def base_only(fn):
    # `..` has itself as its base name: it passes.
    if os.path.basename(fn) != fn:
        return False
    return True


def inverted(fn):
    # Returns False for a plain name: only paths pass.
    if os.path.basename(fn) == fn:
        return False
    if fn in (".", ".."):
        return False
    return True


@app.route("/a/<name>")
def a(name):
    if not base_only(name):
        return "bad", 400
    # ruleid: code/py-path-traversal
    return send_file(os.path.join(IMAGES, name))


@app.route("/b/<path:name>")
def b(name):
    if not inverted(name):
        return "bad", 400
    # ruleid: code/py-path-traversal
    return send_file(os.path.join(IMAGES, name))


def safe_filename(fn):
    if os.path.basename(fn) != fn:
        return False
    if fn in (".", ".."):
        return False
    return True


@app.route("/c/<path:name>")
def c(name):
    # The check's answer is not used.
    safe_filename(name)
    # ruleid: code/py-path-traversal
    return send_file(os.path.join(IMAGES, name))
