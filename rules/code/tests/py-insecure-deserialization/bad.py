import base64
import pickle

from flask import Flask, request

app = Flask(__name__)


@app.route("/session", methods=["POST"])
def restore():
    # ruleid: code/py-insecure-deserialization
    state = pickle.loads(request.get_data())
    return str(state)


@app.route("/cart")
def cart():
    raw = base64.b64decode(request.cookies.get("cart", ""))
    # ruleid: code/py-insecure-deserialization
    items = pickle.loads(raw)
    return str(len(items))


def django_view(request):
    # ruleid: code/py-insecure-deserialization
    return pickle.loads(request.body)
