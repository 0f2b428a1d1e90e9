import yaml


def read_config(text):
    # ruleid: code/py-yaml-unsafe-load
    return yaml.load(text)


def read_all(text):
    # ruleid: code/py-yaml-unsafe-load
    return list(yaml.load_all(text, Loader=yaml.Loader))
