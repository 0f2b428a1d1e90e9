import os
from functools import wraps

from flask import Flask

app = Flask(__name__)
ROOT = '/srv/files'


def stripped(f):
    # Hands the URL part on, trimmed, under the view's own parameter name: still the request's text.
    @wraps(f)
    def wrapper(path):
        return f(path.strip('/'))

    return wrapper


@app.route('/files/<path>')
@stripped
def show(rel):
    # ruleid: code/py-path-traversal
    with open(os.path.join(ROOT, rel)) as fh:
        return fh.read()
