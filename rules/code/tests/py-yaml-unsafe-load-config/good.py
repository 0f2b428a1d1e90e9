import argparse

import yaml

parser = argparse.ArgumentParser()
parser.add_argument("--config", dest="config_path", default="/etc/alerts.yml")
parser.add_argument("file")
args = parser.parse_args()

# A safe loader: no Python objects from the configuration.
with open(args.config_path) as f:
    config = yaml.safe_load(f)
    strict = yaml.load(f, Loader=yaml.SafeLoader)

# A data file of another name is code/py-yaml-unsafe-load's (high).
with open(args.file) as f:
    data = yaml.load(f, Loader=yaml.FullLoader)
