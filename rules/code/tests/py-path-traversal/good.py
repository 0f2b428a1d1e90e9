import os

from flask import Flask, abort, request, send_file, send_from_directory
from werkzeug.utils import secure_filename

app = Flask(__name__)
BASE = "/srv/uploads"


@app.route("/download")
def download():
    return send_from_directory(BASE, request.args["name"])


@app.route("/file")
def file():
    full = os.path.realpath(os.path.join(BASE, request.args["name"]))
    if not full.startswith(BASE + os.sep):
        abort(403)
    return send_file(full)


@app.route("/upload", methods=["POST"])
def upload():
    name = secure_filename(request.form["name"])
    with open(os.path.join(BASE, name), "wb") as fh:
        fh.write(request.get_data())
    return "ok"
