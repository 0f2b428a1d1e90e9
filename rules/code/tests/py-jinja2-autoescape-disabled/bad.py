import jinja2
from jinja2 import Environment, FileSystemLoader

# ruleid: code/py-jinja2-autoescape-disabled
env = Environment(loader=FileSystemLoader("templates"))
# ruleid: code/py-jinja2-autoescape-disabled
raw_env = jinja2.Environment(loader=FileSystemLoader("templates"), autoescape=False)


def make_env(template_path, extra):
    options = {"autoescape": False}
    options.update(extra)
    # ruleid: code/py-jinja2-autoescape-disabled
    return Environment(loader=FileSystemLoader(template_path), **options)


def make_env_without(template_path):
    options = {"trim_blocks": True}
    # ruleid: code/py-jinja2-autoescape-disabled
    return Environment(loader=FileSystemLoader(template_path), **options)


def make_env_elsewhere(template_path, options):
    # ruleid: code/py-jinja2-autoescape-disabled
    return Environment(loader=FileSystemLoader(template_path), **options)
