import os

from flask import Flask, abort, request, send_file

app = Flask(__name__)
BASE = "/srv/uploads"
BASE_DIR = os.path.join(BASE, "")


# Normalised, then checked against the folder with a separator after it: confined.
@app.route("/view")
def view():
    p = os.path.realpath(os.path.join(BASE, request.args["name"]))
    if not p.startswith(BASE + os.sep):
        abort(403)
    return open(p).read()


# commonpath decides the same.
@app.route("/remove", methods=["POST"])
def remove():
    full = os.path.abspath(os.path.join(BASE, request.form["name"]))
    if os.path.commonpath([BASE, full]) != BASE:
        abort(403)
    os.remove(full)
    return "ok"


# A prefix bound with a trailing separator elsewhere in the module.
@app.route("/download")
def download():
    full = os.path.normpath(os.path.join(BASE, request.args["f"]))
    if full.startswith(BASE_DIR):
        return send_file(full)
    abort(403)
