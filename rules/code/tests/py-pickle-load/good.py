import json
import pickle

from flask import Flask, request

app = Flask(__name__)


@app.route("/session", methods=["POST"])
def restore():
    state = json.loads(request.get_data())
    return str(state)


def save(obj, path):
    with open(path, "wb") as fh:
        pickle.dump(obj, fh)
