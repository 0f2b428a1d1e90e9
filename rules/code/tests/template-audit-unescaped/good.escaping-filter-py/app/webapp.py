import json

from flask import Flask, render_template, request
from markupsafe import Markup, escape
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import JsonLexer, TextLexer, get_lexer_by_name

app = Flask(__name__)


@app.template_filter("code_highlighter")
def code_highlighter(codelines, language=None):
    lexer = get_lexer_by_name(language or "text", stripall=True)
    html_code = ""
    tmp_code = ""
    for line, code in codelines:
        if tmp_code and line % 10 == 0:
            formatter = HtmlFormatter(linenos="inline", linenostart=line)
            html_code = html_code + highlight(tmp_code, lexer, formatter)
            tmp_code = ""
        tmp_code += code + "\n"
    formatter = HtmlFormatter(linenos="inline")
    html_code += highlight(tmp_code, lexer, formatter)
    return html_code


@app.template_filter("format_data")
def format_data(data):
    formatter = HtmlFormatter(cssclass="codehilite")
    # Nothing to colour: the template writes None, no markup.
    if data is None:
        return data
    if isinstance(data, (dict, list)):
        return highlight(json.dumps(data, indent=4), JsonLexer(), formatter)
    return highlight(str(data), TextLexer(), formatter)


@app.template_filter("or_blank")
def or_blank(text):
    if not text:
        return text
    return escape(text)


def nl2br(text):
    if not text:
        return ""
    return Markup(escape(text).replace("\n", Markup("<br>")))


def emphasis(text):
    return "<em>" + escape(text) + "</em>"


app.jinja_env.filters["nl2br"] = nl2br
app.add_template_filter(emphasis, "emphasis")


@app.route("/code")
def code():
    lines = list(enumerate(request.args.get("code", "").splitlines()))
    return render_template(
        "code.html",
        lines=lines,
        lang=request.args.get("lang"),
        note=request.args.get("note"),
        data=request.get_json(silent=True),
    )
