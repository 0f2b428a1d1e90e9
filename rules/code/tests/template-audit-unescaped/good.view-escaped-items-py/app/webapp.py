import re
from html import escape

from flask import Flask, jsonify, render_template, request

from app.engines import search, html_to_text

app = Flask(__name__)


def highlight(content, query):
    if not content:
        return None
    # Text that already holds markup is left as it is.
    if content.find("<") != -1:
        return content
    content = re.sub("({0})".format(re.escape(query)), '<span class="hl">\\1</span>', content, flags=re.I)
    return content


@app.route("/search")
def results_page():
    query = request.args.get("q", "")
    output = request.args.get("format", "html")
    results = search(query)
    for result in results:
        if output == "html":
            if result.get("content"):
                result["content"] = highlight(escape(result["content"][:1024]), query)
            result["title"] = escape(result["title"] or "")
        else:
            result["content"] = html_to_text(result["content"])
    if output != "html":
        return jsonify(results)
    return render_template("results.html", results=results, q=query)
