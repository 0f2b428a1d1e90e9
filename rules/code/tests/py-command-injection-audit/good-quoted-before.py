import shlex
import subprocess


class Storage:
    def __init__(self, hook):
        self._hook = hook

    def run_hook(self, user):
        # The operator's hook template; the one value from the request is quoted for the shell.
        command = self._hook % {"user": shlex.quote(user or "Anonymous")}
        return subprocess.Popen(command, stdin=subprocess.DEVNULL, shell=True)
