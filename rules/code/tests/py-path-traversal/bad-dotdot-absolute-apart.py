# An absolute test beside a `..` check makes it a whole check only as an alternative of the same `or`: under
# an `and` it refuses an absolute name only sometimes, and negated it refuses the relative ones, so
# "/etc/passwd" passes both and os.path.join drops the base.
import os

from flask import Flask, abort, request

app = Flask(__name__)
BASE = "/srv/files"


@app.route("/debug")
def debug_only():
    name = request.args["name"]
    if ".." in name or (app.debug and os.path.isabs(name)):
        abort(400)
    # ruleid: code/py-path-traversal
    return open(os.path.join(BASE, name)).read()


@app.route("/must-be-absolute")
def must_be_absolute():
    name = request.args["name"]
    if ".." in name or not os.path.isabs(name):
        abort(400)
    # ruleid: code/py-path-traversal
    return open(os.path.join(BASE, name)).read()
