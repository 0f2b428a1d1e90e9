import os
import subprocess


def archive(folder):
    # ruleid: code/py-command-injection-audit
    os.system("tar czf backup.tgz " + folder)


def run_hook(hook_cmd):
    # ruleid: code/py-command-injection-audit
    subprocess.run(hook_cmd, shell=True, check=True)


def show(branch):
    # ruleid: code/py-command-injection-audit
    out = subprocess.check_output(f"git log {branch}", shell=True)
    # ruleid: code/py-command-injection-audit
    return os.popen("wc -l %s" % branch).read() + out.decode()
