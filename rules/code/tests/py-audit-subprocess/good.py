import subprocess

GIT = "/usr/bin/git"


def status():
    subprocess.run(["git", "status", "--short"], check=True)
    subprocess.check_output([GIT, "log", "-1"])
    subprocess.call("ls")
