import os
import subprocess

from flask import Flask, request

app = Flask(__name__)


# `url` may be `--upload-pack=touch /tmp/pwned`: git runs it.
@app.route("/clone", methods=["POST"])
def clone():
    url = request.form["url"].strip()
    # ruleid: code/py-argument-injection
    subprocess.run(["git", "clone", url, "work"], check=True)
    return "ok"


# A list built in steps: the appended revision is an option to git.
@app.route("/log")
def log():
    cmd = ["git", "log", "--oneline"]
    cmd.append(request.args.get("rev", "HEAD"))
    # ruleid: code/py-argument-injection
    return subprocess.check_output(cmd, text=True)


# An f-string that starts with the value: `--output=/etc/cron.d/x` fits.
@app.route("/show")
def show():
    rev = request.args["rev"]
    # ruleid: code/py-argument-injection
    return subprocess.check_output(["git", "show", f"{rev}"], text=True)


# The '--' comes after the request value: too late.
@app.route("/grep")
def grep():
    pattern = request.args["q"]
    # ruleid: code/py-argument-injection
    out = subprocess.Popen(["git", "grep", pattern, "--", "."], stdout=subprocess.PIPE)
    return out.communicate()[0]


# Another program: `tar` takes `--checkpoint-action=exec=...`.
@app.route("/archive", methods=["POST"])
def archive():
    names = ["tar", "-czf", "out.tgz"] + [request.form["name"]]
    # ruleid: code/py-argument-injection
    subprocess.call(names)
    return "ok"


# normpath keeps a leading '-': `-Ofile` stays an option.
@app.route("/blame")
def blame():
    path = os.path.normpath(request.args["path"])
    # ruleid: code/py-argument-injection
    return subprocess.check_output(["git", "blame", path], text=True)
