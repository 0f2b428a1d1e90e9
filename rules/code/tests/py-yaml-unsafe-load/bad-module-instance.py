"""A module-level ruamel instance does not cover an unsafe one, nor PyYAML imported or bound in the function."""
from ruamel.yaml import YAML

yaml = YAML()
unsafe_yaml = YAML(typ="unsafe")


def read_with_pyyaml(text):
    import yaml

    # ruleid: code/py-yaml-unsafe-load
    return yaml.load(text, Loader=yaml.Loader)


def read_with_rebound(text):
    yaml = YAML(typ="unsafe", pure=True)
    # ruleid: code/py-yaml-unsafe-load
    return yaml.load(text)
