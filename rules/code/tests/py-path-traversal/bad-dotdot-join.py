# A check only for `..` does not clean a name for `os.path.join`: an absolute later part drops the base
# (`os.path.join("/srv/files", "/etc/passwd")` is "/etc/passwd"), as it does for `Path(base) / name`.
import os
from pathlib import Path

from flask import Flask, abort, request, send_file

app = Flask(__name__)
BASE = "/srv/files"


@app.route("/file")
def file():
    name = request.args["name"]
    if ".." in name:
        abort(400)
    # ruleid: code/py-path-traversal
    return send_file(os.path.join(BASE, name))


@app.route("/sub/<folder>")
def sub(folder):
    if '..' in folder:
        abort(400)
    # ruleid: code/py-path-traversal
    return open(os.path.join(BASE, "sub", folder, "index.html")).read()


@app.route("/text")
def text():
    name = request.args["name"]
    if ".." in name:
        abort(400)
    # ruleid: code/py-path-traversal
    return Path(Path(BASE) / name).read_text()
