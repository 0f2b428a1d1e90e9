import asyncio
import os

from flask import Flask, request

app = Flask(__name__)


@app.route("/clone", methods=["POST"])
async def clone():
    url = request.form["url"]
    # ruleid: code/py-argument-injection
    proc = await asyncio.create_subprocess_exec("git", "clone", url, "/srv/work")
    await proc.wait()
    return "ok"


@app.route("/reexec", methods=["POST"])
def reexec():
    args = ["git", "fetch", request.form["remote"]]
    if os.fork() == 0:
        # ruleid: code/py-argument-injection
        os.execvp("git", args)
    return "started"


@app.route("/spawn", methods=["POST"])
def spawn():
    # ruleid: code/py-argument-injection
    os.spawnlp(os.P_NOWAIT, "git", "git", "checkout", request.form["branch"])
    return "started"
