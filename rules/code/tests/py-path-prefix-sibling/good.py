import os
from pathlib import Path

from flask import Flask, request, send_file

app = Flask(__name__)
ROOT = str(Path("/srv/www").resolve())
BASE = os.path.join(ROOT, "")


@app.route("/a")
def a():
    full = str(Path(ROOT, request.args["name"]).resolve())
    if not full.startswith(ROOT + os.sep):
        return "forbidden", 403
    return send_file(full)


@app.route("/b")
def b():
    full = str(Path(ROOT, request.args["name"]).resolve())
    if not full.startswith(BASE):
        return "forbidden", 403
    return send_file(full)


@app.route("/c")
def c():
    full = str(Path(ROOT, request.args["name"]).resolve())
    if full.startswith(f"{ROOT}/"):
        return open(full).read()
    return "forbidden", 403
