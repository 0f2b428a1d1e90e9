# A Sphinx extension that generates a page of the documentation from a scenario file the project keeps in its
# own doc tree (gnocchi's gendoc.py). Sphinx has already run the project's conf.py as code.
import os

import yaml
from sphinx.util import logging

LOG = logging.getLogger(__name__)


def setup(app):
    # TODO: do not hard-code the doc tree
    with open("doc/source/rest.yaml") as f:
        scenarios = yaml.load(f, Loader=yaml.FullLoader)
    template = yaml.load(open("doc/source/templates.yaml"), Loader=yaml.Loader)
    LOG.info("%d scenarios, %d templates", len(scenarios), len(template))
    app.connect("builder-inited", write_glossary)


def write_glossary(app):
    with open(os.path.join(app.srcdir, "glossary.rst"), "w") as out:
        with open("doc/source/glossary.yaml") as f:
            for term, text in yaml.load(f, Loader=yaml.FullLoader).items():
                out.write("%s\n    %s\n" % (term, text))
