import functools

from flask import Flask, request
from webargs import fields
from webargs.flaskparser import use_args

app = Flask(__name__)


def with_pool(func):
    @functools.wraps(func)
    def wrapper(database_name, *args, **kwargs):
        return func(database_name, *args, **kwargs)

    return wrapper


def with_body(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(request.get_json(), *args, **kwargs)

    return wrapper


@app.route("/<database_name>/model/<model>")
@with_pool
def model_title(pool, model):
    # The part the template names is the URL's text, whatever the decorator did with the other one.
    # ruleid: code/py-xss-response
    return "<h1>" + model + "</h1>"


@app.route("/items/<item_id>", methods=["POST"])
@use_args({"title": fields.Str()}, location="json")
def item_title(args, item_id):
    # Every URL part is still the function's: the decorator injected the body, a source.
    # ruleid: code/py-xss-response
    return "<h1>" + args["title"] + "</h1>"


@app.route("/notes/<note_id>", methods=["POST"])
@with_body
def note_title(body, note_id):
    # ruleid: code/py-xss-response
    return "<h1>" + body["title"] + "</h1>"


@app.route("/<database_name>/search", methods=["POST"])
@with_pool
@use_args({"q": fields.Str()}, location="json")
def search(pool, args):
    # A decorator that reads input by its name keeps every parameter a source.
    # ruleid: code/py-xss-response
    return "<p>No results for " + args["q"] + "</p>"
