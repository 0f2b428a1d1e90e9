import os

from flask import Flask, render_template, request

app = Flask(__name__)
app.config.update(MOTD_HTML="<b>Welcome</b>")

# Settings from the environment at start-up: the operator's, like the defaults above.
for key, value in os.environ.items():
    if key.startswith("HUB_"):
        app.config[key[4:]] = value


def load_overrides(path):
    with open(path) as fh:
        for line in fh:
            name, _, value = line.partition("=")
            app.config.setdefault(name.strip(), value.strip())


load_overrides(os.environ.get("HUB_OVERRIDES", "/etc/hub/overrides.env"))


@app.route("/")
def home():
    page = request.args.get("page", "1")
    return render_template("motd.html", motd=app.config["MOTD_HTML"], page=page)
