import os
import pathlib
import pkgutil

from jinja2 import Environment, FileSystemLoader, select_autoescape

HERE = os.path.dirname(os.path.abspath(__file__))
env = Environment(loader=FileSystemLoader(os.path.join(HERE, "templates")), autoescape=select_autoescape())


def html_report(stats):
    # The report inlines the package's own scripts and stylesheet, files it ships beside this module.
    static_js = []
    js_files = ["jquery.min.js", "chart.js"]
    for js_file in js_files:
        path = os.path.join(os.path.dirname(__file__), "static", js_file)
        static_js.append("// " + js_file)
        with open(path, encoding="utf8") as f:
            static_js.append(f.read())
        static_js.extend(["", ""])

    css_dir = pathlib.Path(__file__).parent / "static" / "css"
    return env.get_template("report.html").render(
        stats=stats,
        static_js="\n".join(static_js),
        static_css=(css_dir / "tables.css").read_text(encoding="utf8"),
        logo_svg=pkgutil.get_data(__name__, "static/logo.svg").decode("utf8"),
    )
