from jinja2 import Environment, FileSystemLoader

ENV_OPTIONS = {"autoescape": True, "trim_blocks": True}


def make_env(template_path):
    return Environment(loader=FileSystemLoader(template_path), **ENV_OPTIONS)
