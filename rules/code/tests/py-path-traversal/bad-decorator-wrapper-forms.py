"""The module's own decorators hand the view the URL part's text under another name: through a name the wrapper
binds (`rel = path.strip("/")`), as a pathlib path (the same text), read from the keyword arguments Flask passes,
and from a decorator factory's inner function."""
import functools
import os
from pathlib import Path

from flask import Flask

app = Flask(__name__)
ROOT = "/srv/files"


def stripped_local(f):
    @functools.wraps(f)
    def wrapper(path, *args, **kwargs):
        rel = path.strip("/")
        return f(rel, *args, **kwargs)

    return wrapper


def as_path(f):
    @functools.wraps(f)
    def wrapper(path, *args, **kwargs):
        return f(Path(path), *args, **kwargs)

    return wrapper


def from_kwargs(f):
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        rel = kwargs.pop("path")
        return f(rel, *args, **kwargs)

    return wrapper


def normalized(sep):
    def deco(f):
        @functools.wraps(f)
        def wrapper(path, *args, **kwargs):
            return f(path.replace(sep, "/"), *args, **kwargs)

        return wrapper

    return deco


@app.route("/a/<path>")
@stripped_local
def show_a(rel):
    # ruleid: code/py-path-traversal
    with open(os.path.join(ROOT, rel)) as fh:
        return fh.read()


@app.route("/b/<path>")
@as_path
def show_b(rel):
    # ruleid: code/py-path-traversal
    with open(os.path.join(ROOT, rel)) as fh:
        return fh.read()


@app.route("/c/<path>")
@from_kwargs
def show_c(rel):
    # ruleid: code/py-path-traversal
    with open(os.path.join(ROOT, rel)) as fh:
        return fh.read()


@app.route("/d/<path>")
@normalized("\\")
def show_d(rel):
    # ruleid: code/py-path-traversal
    with open(os.path.join(ROOT, rel)) as fh:
        return fh.read()
