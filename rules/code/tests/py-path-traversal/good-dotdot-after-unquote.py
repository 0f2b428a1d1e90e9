# The `..` check made on the decoded text, joined as text after the base: it sees what the file system will.
from urllib.parse import unquote

from flask import Flask, abort, request, send_file

app = Flask(__name__)
BASE = "/srv/files"


@app.route("/file")
def file():
    name = unquote(request.args["name"])
    if ".." in name:
        abort(400)
    # ok: code/py-path-traversal
    return send_file(BASE + "/" + name)
