import argparse

import yaml

# The daemon's own configuration file, named by its --config option: code/py-yaml-unsafe-load-config's
# (medium), not this rule's.
parser = argparse.ArgumentParser()
parser.add_argument("--config", dest="config_path", default="/etc/alerts.yml")
args = parser.parse_args()

with open(args.config_path) as f:
    if getattr(yaml, "FullLoader", None):
        config = yaml.load(f, Loader=yaml.FullLoader)
    else:
        config = yaml.load(f)

settings = yaml.load(open(args.config_path), Loader=yaml.Loader)
