import os
import shlex
import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    host = request.args.get("host")
    return subprocess.run(["ping", "-c", "1", host], capture_output=True).stdout


@app.route("/backup", methods=["POST"])
def backup():
    name = request.form["name"]
    subprocess.run("tar czf /backups/%s.tgz /srv/data" % shlex.quote(name), shell=True, check=True)
    return "ok"


def clean():
    os.system("rm -rf /tmp/cache")
