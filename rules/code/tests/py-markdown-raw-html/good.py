import bleach
import markdown
import mistune
from django.shortcuts import render
from flask import Flask, jsonify, request
from markupsafe import Markup

app = Flask(__name__)


@app.route("/preview", methods=["POST"])
def preview():
    # Cleaned after the render.
    return bleach.clean(markdown.markdown(request.form["text"]), tags=["p", "em", "strong"])


@app.route("/card")
def card():
    # mistune escapes raw HTML by default.
    return Markup(mistune.markdown(request.args["md"]))


@app.route("/save", methods=["POST"])
def save():
    # Rendered and handed on as JSON, which the browser does not parse as a page.
    html = markdown.markdown(request.form["text"])
    return jsonify({"html": html})


@app.route("/clean")
def clean():
    raw = markdown.markdown(request.args["text"])
    return Markup(bleach.clean(raw))


@app.route("/api/render", methods=["POST"])
def api_render():
    return jsonify({"html": markdown.markdown(request.json["text"])})


def article(request):
    # Cleaned before it is put in the template's context.
    html = bleach.clean(markdown.markdown(request.POST["body"]))
    return render(request, "article.html", {"body": html})


def source(request):
    # The Markdown source itself goes to the template, which escapes it; the rendered HTML is stored.
    request.session["draft"] = {"html": markdown.markdown(request.POST["body"])}
    return render(request, "source.html", {"body": request.POST["body"]})
