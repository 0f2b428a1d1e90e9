# The module imports the sandbox under another name but renders this template with a plain Environment: only
# a call of the aliased name itself is the sandbox.
from flask import Flask, request
from jinja2 import Environment
from jinja2.sandbox import SandboxedEnvironment as SafeEnv

app = Flask(__name__)
checker = SafeEnv()


@app.route("/render", methods=["POST"])
def render():
    # ruleid: code/py-template-injection
    return Environment().from_string(request.form["body"]).render()


@app.route("/render2", methods=["POST"])
def render2():
    env = Environment(autoescape=True)
    # ruleid: code/py-template-injection
    return env.from_string(request.form["body"]).render()
