import os
import re
import subprocess

from flask import Flask, abort, request

app = Flask(__name__)

ALLOWED = {"short", "iso"}


# `--` ends the options: whatever follows is a repository or path, never an option.
@app.route("/clone", methods=["POST"])
def clone():
    url = request.form["url"].strip()
    subprocess.run(["git", "clone", "--", url, "work"], check=True)
    return "ok"


# '--' added before the appended path.
@app.route("/log")
def log():
    cmd = ["git", "log", "--oneline", "--"]
    cmd.append(request.args.get("path", "."))
    return subprocess.check_output(cmd, text=True)


# A constant prefix: the value starts with `refs/heads/`, never with '-'.
@app.route("/branch-log")
def branch_log():
    ref = "refs/heads/" + request.args["branch"]
    return subprocess.check_output(["git", "log", ref], text=True)


# The option form carries the value inside one argument.
@app.route("/author")
def author():
    who = request.args["who"]
    return subprocess.check_output(["git", "log", f"--author={who}"], text=True)


# A number cannot be an option.
@app.route("/head")
def head():
    n = int(request.args["n"])
    return subprocess.check_output(["git", "log", "-n", str(n)], text=True)


# Validated: a leading '-' is refused.
@app.route("/tag", methods=["POST"])
def tag():
    name = request.form["name"]
    if name.startswith("-"):
        abort(400)
    subprocess.run(["git", "tag", name], check=True)
    return "ok"


# Validated by a pattern that cannot match a leading '-'.
@app.route("/checkout", methods=["POST"])
def checkout():
    branch = request.form["branch"]
    if not re.fullmatch(r"[A-Za-z0-9][\w./-]*", branch):
        abort(400)
    subprocess.run(["git", "checkout", branch], check=True)
    return "ok"


# Chosen from a set the program fixes.
@app.route("/date")
def date():
    fmt = request.args["fmt"]
    if fmt not in ALLOWED:
        abort(400)
    return subprocess.check_output(["git", "log", "--date", fmt], text=True)


# An absolute path (os.path.abspath, realpath) starts with '/', never with '-'.
@app.route("/blame")
def blame():
    path = os.path.abspath(request.args["path"])
    return subprocess.check_output(["git", "blame", path], text=True)
