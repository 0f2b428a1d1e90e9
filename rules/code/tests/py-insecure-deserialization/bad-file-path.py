import pickle

from flask import Flask, request

app = Flask(__name__)


# A pickle file the request names or sends: reported here (critical), not only as the audit profile's
# py-audit-pickle-file, which takes the pickle files a program opens by path.
@app.route("/restore")
def restore():
    # ruleid: code/py-insecure-deserialization
    with open(request.args["path"], "rb") as f:
        return str(pickle.load(f))


@app.route("/upload", methods=["POST"])
def upload():
    # ruleid: code/py-insecure-deserialization
    return str(pickle.load(request.files["state"]))


@app.route("/restore2")
def restore2():
    # ruleid: code/py-insecure-deserialization
    return str(pickle.load(open(request.args["path"], "rb")))
