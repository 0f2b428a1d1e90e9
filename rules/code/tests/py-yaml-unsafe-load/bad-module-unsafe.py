"""A module-level ruamel instance made with typ="unsafe" constructs Python objects from tags."""
from ruamel.yaml import YAML

yaml = YAML(typ="unsafe")


def read(text):
    # ruleid: code/py-yaml-unsafe-load
    return yaml.load(text)
