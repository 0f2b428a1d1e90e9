import traceback

from flask import Flask, jsonify

app = Flask(__name__)


@app.route("/items")
def items():
    try:
        return jsonify(load_items())
    except Exception:
        # ruleid: code/py-stack-trace-exposure
        return traceback.format_exc(), 500


@app.route("/orders")
def orders():
    try:
        return jsonify(load_orders())
    except ValueError as e:
        # ruleid: code/py-stack-trace-exposure
        return str(e)
