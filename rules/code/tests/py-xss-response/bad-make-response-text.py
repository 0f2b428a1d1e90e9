from django.http import HttpResponse
from flask import Flask, Response, make_response, request

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    body = {"name": name}
    # A name bound to a dictionary, then to the request's text: HTML.
    body = "<p>" + name + "</p>"
    # ruleid: code/py-xss-response
    return make_response(body, 200)


@app.route("/echo")
def echo():
    document = request.args.get("doc", "")
    # ruleid: code/py-xss-response
    return make_response(document)


def page(doc):
    # A parameter the caller gives: not known to be a dictionary.
    # ruleid: code/py-xss-response
    return make_response(doc)


@app.route("/page")
def page_view():
    return page(request.args.get("doc", ""))


@app.route("/raw")
def raw():
    # Flask's Response sends the text it is given, whatever the dictionary beside it.
    meta = {"q": 1}
    # ruleid: code/py-xss-response
    return Response(request.args.get("q", "") + str(meta))
