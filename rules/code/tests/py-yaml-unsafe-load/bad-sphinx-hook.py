# A Sphinx extension whose hooks read YAML from somewhere other than a fixed path of the documentation project.
import os
import urllib.request

import yaml
from sphinx.application import Sphinx


def setup(app: Sphinx):
    # A document downloaded at build time: anyone who controls that host.
    with urllib.request.urlopen("https://example.com/spec.yaml") as f:
        # ruleid: code/py-yaml-unsafe-load
        spec = yaml.load(f, Loader=yaml.FullLoader)
    # A path from the environment the build runs in.
    with open(os.environ["SPEC_FILE"]) as f:
        # ruleid: code/py-yaml-unsafe-load
        extra = yaml.load(f, Loader=yaml.Loader)
    # An absolute path: a file of the machine, not of the project.
    # ruleid: code/py-yaml-unsafe-load
    shared = yaml.load(open("/tmp/shared/spec.yaml"), Loader=yaml.Loader)
    # The project's file opened, then the name given a download before the load.
    with open("doc/source/spec.yaml") as f:
        f = urllib.request.urlopen("https://example.com/override.yaml")
        # ruleid: code/py-yaml-unsafe-load
        override = yaml.load(f, Loader=yaml.Loader)
    app.connect("source-read", on_source)
    return {"spec": spec, "extra": extra, "shared": shared, "override": override}


def on_source(app, docname, source):
    # A name built at run time.
    with open(f"{docname}.yaml") as f:
        # ruleid: code/py-yaml-unsafe-load
        source[0] += str(yaml.load(f, Loader=yaml.Loader))


def load_fixture(name):
    # A function of the module that is no hook: whoever imports the module may call it, from any folder.
    with open("doc/source/fixture.yaml") as f:
        # ruleid: code/py-yaml-unsafe-load
        return yaml.load(f, Loader=yaml.Loader), name
