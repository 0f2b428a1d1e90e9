from django.http import HttpResponse
from flask import Flask, request

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    # ruleid: code/py-xss-response
    return "<h1>Hello " + name + "</h1>"


def search(request):
    q = request.GET.get("q", "")
    # ruleid: code/py-xss-response
    return HttpResponse(f"<p>No results for {q}</p>")


def preview(request):
    body = request.GET.get("body", "")
    # ruleid: code/py-xss-response
    return HttpResponse(body, content_type="text/html; charset=utf-8")


def preview_svg(request):
    # SVG documents run script: not one of the types that stay inert.
    # ruleid: code/py-xss-response
    return HttpResponse(request.GET.get("svg", ""), content_type="image/svg+xml")


@app.route("/echo-status")
def echo_status():
    q = request.args.get("q", "")
    # ruleid: code/py-xss-response
    return "<p>" + q + "</p>", 200
