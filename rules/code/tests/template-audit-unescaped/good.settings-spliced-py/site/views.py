from flask import Flask, render_template, request

app = Flask(__name__)


def page(name, **ns):
    context = {"site": app.config["SITE_NAME"]}
    context.update(ns)
    return render_template(name, **context)


@app.route("/")
def index():
    return page("page.html", banner=app.config["BANNER_HTML"])


# The request's text goes under keys the program writes, never under one it computes.
@app.route("/search")
def search():
    context = {"title": "Search"}
    context["query"] = request.args.get("q", "")
    context.update(dict(results=[], page=request.args.get("page", "1")))
    context.update({"theme": app.config["THEME"]})
    return page("page.html", **context)
