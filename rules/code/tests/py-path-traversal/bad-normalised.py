import os
import posixpath
from os.path import realpath

from flask import Flask, abort, request, send_file

app = Flask(__name__)
BASE = "/srv/uploads"


# A path normalised, then opened with no check: realpath resolves `..` and links but confines it nowhere.
@app.route("/view")
def view():
    p = os.path.realpath(os.path.join(BASE, request.args["name"]))
    # ruleid: code/py-path-traversal
    return open(p).read()


# abspath and normpath, imported under other modules or by name: the same.
@app.route("/remove", methods=["POST"])
def remove():
    full = os.path.abspath(os.path.join(BASE, request.form["name"]))
    # ruleid: code/py-path-traversal
    os.remove(full)
    name = posixpath.normpath(request.form["other"])
    # ruleid: code/py-path-traversal
    return send_file(os.path.join(BASE, name))


# A check that the file exists says nothing of where it is.
@app.route("/download")
def download():
    full = realpath(BASE + "/" + request.args["f"])
    if not os.path.isfile(full):
        abort(404)
    # ruleid: code/py-path-traversal
    return send_file(full)
