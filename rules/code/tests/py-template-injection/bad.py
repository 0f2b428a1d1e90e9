from flask import Flask, render_template_string, request

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    # ruleid: code/py-template-injection
    return render_template_string("<h1>Hello %s</h1>" % name)
