import os

from jinja2 import Environment, FileSystemLoader


def write_report(results, out_dir):
    # An HTML report written to disk is still a page a browser opens: test names and messages go in raw.
    # ruleid: code/py-jinja2-autoescape-disabled
    env = Environment(loader=FileSystemLoader(os.path.dirname(__file__)))
    page = env.get_template("report.tmpl").render(results=results)
    with open(os.path.join(out_dir, "report.html"), "w") as f:
        f.write(page)
