import os
import subprocess
import sys

from flask import Flask, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    host = request.args.get("host")
    # ruleid: code/py-command-injection
    return os.popen("ping -c 1 " + host).read()


@app.route("/backup", methods=["POST"])
def backup():
    name = request.form["name"]
    cmd = f"tar czf /backups/{name}.tgz /srv/data"
    # ruleid: code/py-command-injection
    subprocess.run(cmd, shell=True, check=True)
    return "ok"


def search_logs(request):
    # ruleid: code/py-command-injection
    os.system("grep -r %s /var/log" % request.GET["q"])
