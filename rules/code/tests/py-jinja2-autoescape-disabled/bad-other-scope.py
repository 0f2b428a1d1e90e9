from jinja2 import Environment, FileSystemLoader


def make_safe_env(template_path):
    options = {"autoescape": True}
    return Environment(loader=FileSystemLoader(template_path), **options)


def make_env_for(template_path, options):
    # The caller's options: the dict another function builds with autoescape is not this one.
    # ruleid: code/py-jinja2-autoescape-disabled
    return Environment(loader=FileSystemLoader(template_path), **options)


def make_env_turned_off(template_path):
    settings = {"autoescape": True}
    settings["autoescape"] = False
    # ruleid: code/py-jinja2-autoescape-disabled
    return Environment(loader=FileSystemLoader(template_path), **settings)
