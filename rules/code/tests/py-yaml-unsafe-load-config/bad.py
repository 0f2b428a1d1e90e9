import argparse

import yaml

parser = argparse.ArgumentParser()
parser.add_argument("--config", dest="config_path", default="/etc/alerts.yml")
parser.add_argument("--settings-file")
parser.add_argument("--app-cfg")
args = parser.parse_args()

with open(args.config_path) as f:
    if getattr(yaml, "FullLoader", None):
        # ruleid: code/py-yaml-unsafe-load-config
        config = yaml.load(f, Loader=yaml.FullLoader)
    else:
        # ruleid: code/py-yaml-unsafe-load-config
        config = yaml.load(f)

# ruleid: code/py-yaml-unsafe-load-config
settings = yaml.unsafe_load(open(args.settings_file, encoding="utf-8"))

with open(args.app_cfg, "rb") as fh:
    # ruleid: code/py-yaml-unsafe-load-config
    app = yaml.load(fh, Loader=yaml.UnsafeLoader)
