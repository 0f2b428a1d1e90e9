import pickle

from flask import Flask, request

app = Flask(__name__)


@app.route("/session", methods=["POST"])
def restore():
    # ruleid: code/py-pickle-load
    state = pickle.loads(request.get_data())
    return str(state)


def load_other(fh, template):
    # The allow-list is set on another unpickler than the one that loads.
    # ruleid: code/py-pickle-load
    unpickler = pickle.Unpickler(fh)
    template.find_class = lambda module, name: None
    return unpickler.load()
