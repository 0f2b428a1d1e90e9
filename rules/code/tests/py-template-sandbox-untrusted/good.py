from flask import Flask, request
from jinja2 import Environment, select_autoescape
from jinja2.sandbox import SandboxedEnvironment

app = Flask(__name__)
TEMPLATES = {"welcome": "Hello {{ name }}"}


@app.route("/greet")
def greet():
    # The template is the program's own; the request fills a variable.
    env = SandboxedEnvironment()
    return env.from_string(TEMPLATES["welcome"]).render(name=request.args["name"])


@app.route("/card")
def card():
    # Not sandboxed: py-template-injection's business, not this rule's.
    env = Environment(autoescape=select_autoescape())
    return env.from_string(request.args["tpl"]).render()
