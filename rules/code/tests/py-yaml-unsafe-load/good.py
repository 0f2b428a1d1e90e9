import yaml


def read_config(text):
    return yaml.safe_load(text)


def read_all(text):
    return list(yaml.load_all(text, Loader=yaml.SafeLoader))
