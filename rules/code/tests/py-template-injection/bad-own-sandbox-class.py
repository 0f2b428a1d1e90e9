# A class of the application's own named for a sandbox, in a module that never imports jinja2.sandbox.
from flask import Flask, request
from jinja2 import Environment


class SandboxEnv(Environment):
    pass


app = Flask(__name__)


@app.route("/render", methods=["POST"])
def render():
    # ruleid: code/py-template-injection
    return SandboxEnv().from_string(request.form["body"]).render()
