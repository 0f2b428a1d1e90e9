import os
from pathlib import Path

from flask import Flask, request, send_file

app = Flask(__name__)
ROOT = str(Path("/srv/www").resolve())


@app.route("/files")
def files():
    full = str(Path(ROOT, request.args["name"]).resolve())
    if not full.startswith(ROOT):
        return "forbidden", 403
    # ruleid: code/py-path-prefix-sibling
    return send_file(full)


@app.route("/raw")
def raw():
    base = str(Path(ROOT, "raw").resolve())
    full = str(Path(base, request.args["f"]).resolve())
    if full.startswith(base):
        # ruleid: code/py-path-prefix-sibling
        return open(full).read()
    return "forbidden", 403


# os.path.realpath resolves the name but confines it nowhere: the prefix check is what decides.
@app.route("/real")
def real():
    full = os.path.realpath(os.path.join(ROOT, request.args["f"]))
    if not full.startswith(ROOT):
        return "forbidden", 403
    # ruleid: code/py-path-prefix-sibling
    return send_file(full)
