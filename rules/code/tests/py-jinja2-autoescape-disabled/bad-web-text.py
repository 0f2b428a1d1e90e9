from flask import Flask
from jinja2 import Environment, PackageLoader

app = Flask(__name__)
# A module that serves requests: a text template returned from a view is sent as text/html.
# ruleid: code/py-jinja2-autoescape-disabled
text_env = Environment(loader=PackageLoader("shop", "text"))


@app.route("/receipt/<name>")
def receipt(name):
    return text_env.get_template("receipt.txt").render(name=name)
