import os

from flask import Flask, render_template

app = Flask(__name__)
HERE = os.path.dirname(os.path.abspath(__file__))


@app.route("/")
def home():
    with open(os.path.join(HERE, "static", "custom.css")) as fh:
        css = fh.read()
    return render_template("page.html", custom_css=css)
