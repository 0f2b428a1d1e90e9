# review37: the loaded configuration names no command; another mapping under the same name does (a local bound
# to another file, a parameter given something else), so the loader still matters.
import argparse
import json
import os
import subprocess

import yaml

parser = argparse.ArgumentParser()
parser.add_argument("--config")
parser.add_argument("--settings")
args = parser.parse_args()

with open(args.config) as f:
    # ruleid: code/py-yaml-unsafe-load-config
    config = yaml.load(f, Loader=yaml.UnsafeLoader)

print(config["name"])


def run_hook(path):
    with open(path) as fh:
        config = json.load(fh)
    os.system(config["on_start"])


def notify(settings):
    subprocess.run(settings["notify_cmd"], shell=True)


with open(args.settings) as f:
    # ruleid: code/py-yaml-unsafe-load-config
    settings = yaml.load(f, Loader=yaml.UnsafeLoader)

print(settings["name"])
