import argparse
import subprocess

import yaml

parser = argparse.ArgumentParser()
parser.add_argument("--config")
parser.add_argument("--app-cfg")
parser.add_argument("--settings-file")
parser.add_argument("--conf")
args = parser.parse_args()


def show(text):
    print(text)


def run_second(name, cmd):
    subprocess.check_output(cmd, shell=True)
    return name


# The value only printed: the file names no command, so the loader is what would run code.
with open(args.config) as f:
    # ruleid: code/py-yaml-unsafe-load-config
    config = yaml.load(f)
show(config["greeting"])

# An argument list without a shell, and a value given to the parameter the shell does not run.
with open(args.app_cfg) as fh:
    # ruleid: code/py-yaml-unsafe-load-config
    app = yaml.load(fh, Loader=yaml.UnsafeLoader)
subprocess.run(["notify-send", app["title"]], check=False)
run_second(app["name"], "uptime")

# Another mapping's command: the loaded one names none.
extra = {"cmd": "uptime"}
with open(args.settings_file) as sf:
    # ruleid: code/py-yaml-unsafe-load-config
    settings = yaml.load(sf)
subprocess.call(extra["cmd"], shell=True)
show(settings)

# The stream loaded without being kept in a name.
# ruleid: code/py-yaml-unsafe-load-config
show(yaml.load(open(args.conf)))
