import os

from flask import Flask, render_template, request

app = Flask(__name__)
HERE = os.path.dirname(__file__)


def read_all(names, parts):
    for name in names:
        parts.append(name)


@app.route("/report")
def report():
    # A stylesheet picked by the request: its name may climb out of the folder.
    theme = request.args.get("theme", "default.css")
    with open(os.path.join(HERE, "themes", theme)) as f:
        theme_css = f.read()
    # A list handed to another function may be filled with anything.
    static_js = []
    read_all(request.args.getlist("js"), static_js)
    # A literal that climbs out of the package's folder names some other file on the machine.
    with open(os.path.join(HERE, "..", "uploads", "banner.html")) as f:
        banner = f.read()
    # The working directory is not the package's folder.
    with open(os.path.join(os.getcwd(), "footer.html")) as f:
        footer = f.read()
    return render_template(
        "report.html",
        theme_css=theme_css,
        static_js="\n".join(static_js),
        banner=banner,
        footer=footer,
    )


def write_page(body):
    # Opened to write as well as read: what it reads back may be what the program wrote there.
    with open(os.path.join(HERE, "notes.html"), "w+") as f:
        f.write(body)
        f.seek(0)
        notes = f.read()
    return render_template("report.html", notes=notes)
