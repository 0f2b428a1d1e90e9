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


ALLOWED = {("collections", "OrderedDict")}


def restricted_find_class(module, name):
    if (module, name) not in ALLOWED:
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed")
    return getattr(__import__(module), name)


def load_restricted(fh):
    # The documented restricted unpickler: only allow-listed globals can be named by the data.
    unpickler = pickle.Unpickler(fh)
    unpickler.find_class = restricted_find_class
    return unpickler.load()
