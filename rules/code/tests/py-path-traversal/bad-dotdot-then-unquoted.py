# A `..` check made on the text before it is decoded: `%2e%2e%2f` (doubly encoded past the framework's own
# decoding) is `../` again once unquote has run (CWE-174).
from urllib.parse import unquote

from flask import Flask, abort, request, send_file

app = Flask(__name__)
BASE = "/srv/files"


@app.route("/file")
def file():
    name = request.args["name"]
    if ".." in name:
        abort(400)
    # ruleid: code/py-path-traversal
    return send_file(BASE + "/" + unquote(name))
