"""A program that rewrites its own configuration keeps one ruamel round-trip instance for the module."""
from ruamel.yaml import YAML

yaml = YAML()
yaml.preserve_quotes = True


def read_settings(path):
    with open(path) as handle:
        return yaml.load(handle)


def read_all_settings(text):
    return list(yaml.load_all(text))
