import requests
from django.http import HttpResponse
from flask import Flask, jsonify, render_template, request
from markupsafe import escape

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    return "<h1>Hello " + escape(name) + "</h1>"


@app.route("/page")
def page():
    return render_template("page.html", name=request.args.get("name"))


@app.route("/api")
def api():
    return jsonify(name=request.args.get("name"))


def search(request):
    return HttpResponse("<p>Search is disabled</p>")


def jsonp(request):
    # Served as JavaScript, not rendered as a page (an unchecked callback name is another problem).
    callback = request.GET.get("jsonp", "cb")
    return HttpResponse("%s(%s)" % (callback, "{}"), content_type="text/javascript")


def echo_text(request):
    return HttpResponse(request.GET.get("q", ""), content_type="text/plain; charset=utf-8")


@app.route("/proxy")
def proxy():
    # Only the first element of a returned tuple is the body; the status and headers are not.
    resp = requests.get(request.args.get("url"), timeout=5)
    if resp.status_code != 200:
        return "", resp.status_code
    return ("", resp.status_code, {"X-Upstream": resp.headers.get("server", "")})
