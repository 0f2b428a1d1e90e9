import yaml


def read_config(text):
    # ruleid: code/py-yaml-unsafe-load
    return yaml.load(text)


def read_all(text):
    # ruleid: code/py-yaml-unsafe-load
    return list(yaml.load_all(text, Loader=yaml.Loader))


class TaggedLoader(yaml.Loader):
    """Built on the full loader: python/object tags still construct objects."""


def read_tagged(f):
    # ruleid: code/py-yaml-unsafe-load
    return yaml.load(f, Loader=TaggedLoader)


def read_options(text):
    from ruamel.yaml import YAML

    yaml = YAML(typ="unsafe", pure=True)
    # ruleid: code/py-yaml-unsafe-load
    return yaml.load(text)
