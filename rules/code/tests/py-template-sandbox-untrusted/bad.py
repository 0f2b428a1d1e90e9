# The sandbox runs no code, but bounds neither time nor memory.
from flask import Flask, request
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.sandbox import SandboxedEnvironment as JinjaSandboxEnv

app = Flask(__name__)


@app.route("/validate", methods=["POST"])
def validate():
    source = request.get_data(as_text=True)
    # ruleid: code/py-template-sandbox-untrusted
    template = JinjaSandboxEnv(autoescape=False, trim_blocks=True).from_string(source)
    return template.render()


@app.route("/preview", methods=["POST"])
def preview():
    env = ImmutableSandboxedEnvironment()
    # ruleid: code/py-template-sandbox-untrusted
    return env.from_string(request.form["body"]).render(user="guest")
