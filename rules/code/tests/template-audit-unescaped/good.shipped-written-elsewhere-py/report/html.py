import os
import shutil

from jinja2 import Environment, FileSystemLoader

HERE = os.path.dirname(os.path.abspath(__file__))
env = Environment(loader=FileSystemLoader(os.path.join(HERE, "templates")), autoescape=True)


def write_report(stats, output_path, assets_dir):
    with open(os.path.join(HERE, "static", "report.css")) as fh:
        css = fh.read()
    html = env.get_template("report.html").render(static_css=css, stats=stats)
    # The report goes where the user asked; the package's stylesheet is only copied out of its folder.
    with open(output_path, "w") as out:
        out.write(html)
    shutil.copy(os.path.join(HERE, "static", "report.css"), assets_dir)
