from flask import Flask, request

app = Flask(__name__)


@app.route("/calc")
def calc():
    expr = request.args["expr"]
    # ruleid: code/py-code-injection
    return str(eval(expr))


@app.route("/run", methods=["POST"])
def run():
    source = request.get_json()["code"]
    # ruleid: code/py-code-injection
    exec(compile(source, "<user>", "exec"))
    return "done"
