# Jinja2's SandboxedEnvironment (jinja2.sandbox) renders untrusted templates by design: it refuses access to
# internals (__class__, __globals__, unsafe callables), so a template from the request runs no code on the
# server. Also under another name, and from a name the function sets from one.
from flask import Flask, request
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.sandbox import SandboxedEnvironment as JinjaSandboxEnv

app = Flask(__name__)


@app.route("/validate", methods=["POST"])
def validate():
    source = request.get_data(as_text=True)
    template = JinjaSandboxEnv(autoescape=False, trim_blocks=True).from_string(source)
    return template.render()


@app.route("/preview", methods=["POST"])
def preview():
    env = ImmutableSandboxedEnvironment()
    return env.from_string(request.form["body"]).render(user="guest")
