"""Jinja environments that write what they render to files: a deployment's launcher, a new project's files."""

import os

import jinja2
from jinja2 import Environment, PackageLoader


def write_launcher(config):
    # Renders the launcher script of a new deployment into its folder.
    loader = jinja2.FileSystemLoader(os.path.dirname(__file__))
    env = jinja2.Environment(loader=loader, undefined=jinja2.StrictUndefined)
    contents = env.get_template("launcher_tac.tmpl").render(config)
    with open(os.path.join(config["basedir"], "launcher.tac"), "wt", encoding="utf-8") as f:
        f.write(contents)


class Scaffold:
    """Writes a new project's files from the answers its creator gave on the command line."""

    def __init__(self, kind):
        self.jinja_env = Environment(loader=PackageLoader("scaffold", "templates/%s" % kind))

    def run(self, ctx, path):
        for template in self.jinja_env.list_templates():
            out = self.jinja_env.get_template(template).render(ctx)
            with open(os.path.join(path, template[:-3]), "wb") as f:
                f.write(out.encode("utf-8"))
