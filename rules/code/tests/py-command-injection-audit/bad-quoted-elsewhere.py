import os
import shlex


def archive(name, extra):
    command = "tar czf backup.tgz " + shlex.quote(name)
    command += " " + extra
    # The command gets an unquoted value after the quoting.
    # ruleid: code/py-command-injection-audit
    os.system(command)


def notify(user, message):
    command = "notify-send " + shlex.quote(user)
    if message:
        command = "notify-send " + message
    # ruleid: code/py-command-injection-audit
    os.system(command)
