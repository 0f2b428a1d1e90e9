from jinja2 import Environment, FileSystemLoader, select_autoescape

env = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape(["html", "xml"]))
strict_env = Environment(loader=FileSystemLoader("templates"), autoescape=True)


def make_env(template_path, extra):
    jenv_opt: dict = {"autoescape": True}
    jenv_opt.update(extra if extra else {})
    return Environment(loader=FileSystemLoader(template_path), extensions=["jinja2.ext.i18n"], **jenv_opt)


def make_env_selected(template_path):
    options = dict(trim_blocks=True, autoescape=select_autoescape(["html"]))
    return Environment(loader=FileSystemLoader(template_path), **options)


def make_env_set(template_path):
    options = {}
    options["autoescape"] = True
    return Environment(loader=FileSystemLoader(template_path), **options)
