import yaml


def read_config(text):
    return yaml.safe_load(text)


def read_all(text):
    return list(yaml.load_all(text, Loader=yaml.SafeLoader))


class IncludeLoader(yaml.SafeLoader):
    """A safe loader with an !include tag."""


def read_with_includes(f):
    return yaml.load(f, Loader=IncludeLoader)


def read_round_trip(text):
    from ruamel.yaml import YAML

    yaml = YAML()
    return yaml.load(text)


def read_safe(text):
    import ruamel.yaml

    yaml = ruamel.yaml.YAML(typ="safe")
    return yaml.load(text)
