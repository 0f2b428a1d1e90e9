import re

from flask import Flask, request

app = Flask(__name__)


@app.route("/search")
def search():
    pattern = re.escape(request.args["q"])
    return str([w for w in ["alpha", "beta"] if re.search(pattern, w)])
