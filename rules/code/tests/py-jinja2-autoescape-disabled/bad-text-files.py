"""Environments that look like file generators but may render pages."""

import os

import jinja2
from jinja2 import Environment, PackageLoader

# The name is chosen at run time: it may be a page.
# ruleid: code/py-jinja2-autoescape-disabled
mail_env = Environment(loader=PackageLoader("notifier", "mail"))


def render_named(name, **ctx):
    return mail_env.get_template(name).render(**ctx)


def welcome_mail(user_name):
    return mail_env.get_template("welcome.txt").render(name=user_name)


def write_and_return(config):
    loader = jinja2.FileSystemLoader(os.path.dirname(__file__))
    # ruleid: code/py-jinja2-autoescape-disabled
    env = jinja2.Environment(loader=loader)
    contents = env.get_template("summary.tmpl").render(config)
    with open(config["out"], "w") as f:
        f.write(contents)
    # The same rendering is handed back to the caller, who may serve it.
    return env.get_template("summary.tmpl").render(config)


def make_env(path):
    # The environment itself goes back to the caller.
    # ruleid: code/py-jinja2-autoescape-disabled
    env = Environment(loader=jinja2.FileSystemLoader(path))
    with open(os.path.join(path, "made"), "w") as f:
        f.write(env.get_template("stamp.txt").render())
    return env
