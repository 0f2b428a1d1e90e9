import asyncio
import os

from flask import Flask, abort, request

app = Flask(__name__)


# After '--' the value is a name.
@app.route("/clone", methods=["POST"])
async def clone():
    url = request.form["url"]
    proc = await asyncio.create_subprocess_exec("git", "clone", "--", url, "/srv/work", cwd="/srv")
    await proc.wait()
    return "ok"


# The first character is checked.
@app.route("/reexec", methods=["POST"])
def reexec():
    remote = request.form["remote"]
    if remote[0] == "-":
        abort(400)
    if os.fork() == 0:
        os.execvp("git", ["git", "fetch", remote])
    return "started"


# Constant arguments only.
@app.route("/gc", methods=["POST"])
def gc():
    os.spawnlp(os.P_NOWAIT, "git", "git", "gc", "--auto")
    return "started"
