import argparse
import os
import subprocess

import yaml

parser = argparse.ArgumentParser()
parser.add_argument("--config", dest="config_path", default="/etc/alerts.yml")
parser.add_argument("--hooks-config")
args = parser.parse_args()


def read_password_from_command(cmd):
    out = subprocess.check_output(cmd, shell=True).decode("utf-8")
    return out.split("\n")[0].strip()


# The configuration names a command the daemon runs through a shell (its password_command): whoever writes the
# file already runs any command as the daemon, so the loader takes nothing from them.
with open(args.config_path) as f:
    if getattr(yaml, "FullLoader", None):
        config = yaml.load(f, Loader=yaml.FullLoader)
    else:
        config = yaml.load(f)

if config.get("password_command"):

    def password_cb():
        return read_password_from_command(config["password_command"])


# The command given to the shell directly.
with open(args.hooks_config) as fh:
    hooks = yaml.load(fh, Loader=yaml.UnsafeLoader)

os.system(hooks.get("on_start", "true"))
subprocess.run(hooks["on_stop"], shell=True, check=False)
