import os
import subprocess


def convert(name, tool):
    # ruleid: code/py-audit-subprocess
    subprocess.run(["convert", name, "out.png"], check=True)
    # ruleid: code/py-audit-subprocess
    subprocess.check_output(tool)
    # ruleid: code/py-audit-subprocess
    os.execvp(tool, [tool, name])
