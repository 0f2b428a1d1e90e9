import markdown
import mistune
from django.http import HttpResponse
from django.shortcuts import render
from django.template.response import TemplateResponse
from flask import Flask, request
from markupsafe import Markup

app = Flask(__name__)


@app.route("/preview", methods=["POST"])
def preview():
    # ruleid: code/py-markdown-raw-html
    return markdown.markdown(request.form["text"])


@app.route("/page")
def page():
    # ruleid: code/py-markdown-raw-html
    body = mistune.html(request.args.get("src", ""))
    return f"<main>{body}</main>"


def note(request):
    # ruleid: code/py-markdown-raw-html
    html = markdown.Markdown(extensions=["tables"]).convert(request.POST["note"])
    return HttpResponse(html)


@app.route("/card")
def card():
    # ruleid: code/py-markdown-raw-html
    return Markup(mistune.markdown(request.args["md"], escape=False))


# Through a template's context, where rendered Markdown is inserted raw (`|safe`).
def article(request):
    # ruleid: code/py-markdown-raw-html
    html = markdown.markdown(request.POST["body"])
    return render(request, "article.html", {"body": html, "title": "Article"})


def comment(request):
    # ruleid: code/py-markdown-raw-html
    return TemplateResponse(request, "comment.html", {"text": mistune.html(request.GET["c"])})
