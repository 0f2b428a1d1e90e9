# A module that imports jinja2.sandbox but renders with a plain Environment, or a class of its own whose name
# says sandbox: neither is Jinja2's sandbox, so the request's template runs code on the server.
from flask import Flask, request
from jinja2 import Environment
from jinja2.sandbox import SandboxedEnvironment


class SandboxEnv(Environment):
    pass


app = Flask(__name__)
safe_env = SandboxedEnvironment()


@app.route("/render", methods=["POST"])
def render():
    env = Environment()
    # ruleid: code/py-template-injection
    return env.from_string(request.form["body"]).render()


@app.route("/render2", methods=["POST"])
def render2():
    sandbox = Environment()
    # ruleid: code/py-template-injection
    return sandbox.from_string(request.form["body"]).render()
