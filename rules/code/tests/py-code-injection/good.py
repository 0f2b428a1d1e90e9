import ast

from flask import Flask, request

app = Flask(__name__)


@app.route("/calc")
def calc():
    return str(ast.literal_eval(request.args["expr"]))


def setup():
    exec("import json")
    return eval("1 + 2")
