import os
import shlex
import subprocess

CLEAN_CMD = "make clean"


def archive(folder):
    subprocess.run(["tar", "czf", "backup.tgz", folder], check=True)


def clean():
    os.system("make clean")
    os.system(CLEAN_CMD)
    subprocess.run("ls -l", shell=True)


def quoted(branch):
    return subprocess.check_output("git log " + shlex.quote(branch), shell=True)
