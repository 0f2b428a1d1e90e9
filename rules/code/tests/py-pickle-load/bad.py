import pickle

from flask import Flask, request

app = Flask(__name__)


@app.route("/session", methods=["POST"])
def restore():
    # ruleid: code/py-pickle-load
    state = pickle.loads(request.get_data())
    return str(state)
