# A `..` check is enough for a name joined as text after the base (`BASE + "/" + name` keeps "/etc/passwd"
# under it as "/srv/files//etc/passwd"), and a name that is also refused when absolute may be joined.
import os

from flask import Flask, abort, request, send_file

app = Flask(__name__)
BASE = "/srv/files"


@app.route("/file")
def file():
    name = request.args["name"]
    if ".." in name:
        abort(400)
    return send_file(BASE + "/" + name)


@app.route("/page")
def page():
    name = request.args["name"]
    if ".." in name:
        abort(400)
    return open(f"{BASE}/{name}").read()


@app.route("/joined")
def joined():
    name = request.args["name"]
    if ".." in name or name.startswith("/"):
        abort(400)
    return send_file(os.path.join(BASE, name))


@app.route("/inverted")
def inverted():
    name = request.args["name"]
    if not (".." in name or os.path.isabs(name)):
        return send_file(os.path.join(BASE, name))
    abort(400)
