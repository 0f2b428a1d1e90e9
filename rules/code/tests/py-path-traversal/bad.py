import os

from flask import Flask, request, send_file

app = Flask(__name__)
BASE = "/srv/uploads"


@app.route("/download")
def download():
    name = request.args["name"]
    # ruleid: code/py-path-traversal
    return send_file(os.path.join(BASE, name))


@app.route("/delete", methods=["POST"])
def delete():
    target = BASE + "/" + request.form["file"]
    # ruleid: code/py-path-traversal
    os.remove(target)
    return "ok"


@app.get("/notes/{note}")
def read_note(note: str):
    # ruleid: code/py-path-traversal
    with open(f"/srv/notes/{note}.txt") as fh:
        return fh.read()
