import html

from flask import Flask, render_template, request
from markupsafe import Markup
from markupsafe import escape
from pygments import highlight
from pygments.formatters import HtmlFormatter, RawTokenFormatter
from pygments.lexers import get_lexer_by_name

app = Flask(__name__)


@app.template_filter("raw_highlighter")
def raw_highlighter(code, language=None):
    # The raw token formatter does not write HTML, nor escape it.
    formatter = RawTokenFormatter()
    return highlight(code, get_lexer_by_name(language or "text"), formatter)


@app.template_filter()
def linked(text):
    html = escape(text)
    if "http" in text:
        html = '<a href="' + text + '">' + html + "</a>"
    return html


@app.template_filter("chosen")
def chosen(text, formatter=HtmlFormatter()):
    # The caller may pass any formatter.
    return highlight(text, get_lexer_by_name("text"), formatter)


@app.template_filter("keep_tags")
def keep_tags(text):
    # html.escape gives a plain str: putting the characters back for their entities undoes the escaping.
    return Markup(html.escape(text).replace("&lt;", "<").replace("&gt;", ">"))


def paragraphs(text):
    out = ""
    for part in text.split("\n\n"):
        out += "<p>" + part + "</p>"
    return out


def first_line(text):
    for out in text.splitlines():
        return escape(out)
    return out


@app.template_filter("when_set")
def when_set(text):
    # Returned as it is when it holds something: the guard is on being set, not on being empty.
    if text is not None:
        return text
    return ""


@app.template_filter("either")
def either(text, fallback=None):
    # Only one side of the guard is about the text; the fallback may be anything.
    if text is None or fallback:
        return text
    return escape(text)


@app.template_filter("refilled")
def refilled(text):
    if not text:
        text = request.args.get("default", "")
        return text
    return escape(text)


app.jinja_env.filters["paragraphs"] = paragraphs
app.jinja_env.filters["first_line"] = first_line


@app.route("/code")
def code():
    return render_template("code.html", code=request.args.get("code", ""), note=request.args.get("note"))
