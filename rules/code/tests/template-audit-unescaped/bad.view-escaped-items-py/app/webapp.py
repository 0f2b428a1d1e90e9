import html
import re
from html import escape

from flask import Flask, render_template, request

from app.engines import search

app = Flask(__name__)


def unmark(text):
    return html.unescape(text)


def highlight(content, query):
    content = re.sub(re.escape(query), query.upper(), content)
    return content


@app.route("/search")
def results_page():
    query = request.args.get("q", "")
    results = search(query)
    for result in results:
        result["summary"] = unmark(escape(result["summary"]))
        result["content"] = highlight(escape(result["content"]), query)
        result["note"] = escape(result["note"])
        result["note"] = result["note"] + request.args.get("extra", "")
    return render_template("results.html", results=results, q=query)


@app.route("/latest")
def latest():
    latest = search("")
    for result in latest:
        result["teaser"] = escape(result["teaser"])
    return render_template("latest.html", latest=latest)
