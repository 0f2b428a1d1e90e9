import json
import pickle

from flask import Flask, request

app = Flask(__name__)


@app.route("/session", methods=["POST"])
def restore():
    # Request data in a data-only format.
    return str(json.loads(request.get_data()))


def load_cache(path):
    # The application's own cache file: no request data (the audit rule py-pickle-load reviews it).
    with open(path, "rb") as fh:
        return pickle.load(fh)


@app.route("/text")
def read_text():
    # A file the request names, read as text: no pickle is loaded from it (path traversal is another rule's).
    with open(request.args["path"]) as f:
        return f.read()
