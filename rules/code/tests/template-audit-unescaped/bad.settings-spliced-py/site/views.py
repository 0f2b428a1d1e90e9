from flask import Flask, render_template, request

app = Flask(__name__)


def page(name, **ns):
    context = {"site": app.config["SITE_NAME"]}
    context.update(ns)
    return render_template(name, **context)


@app.route("/")
def index():
    return page("page.html", banner=app.config["BANNER_HTML"])


@app.route("/notice")
def notice():
    return render_template("notice.html", motd=app.config["MOTD_HTML"])


# Every query parameter becomes a template name of the same page: ?banner=<script>… replaces the setting.
@app.route("/preview")
def preview():
    extra = {}
    for key in request.args:
        extra[key] = request.args[key]
    return page("page.html", **extra)


# The same through a merge of a mapping built from the form.
@app.route("/notice/preview", methods=["POST"])
def notice_preview():
    fields = {k: v for k, v in request.form.items()}
    context = {"title": "Preview"}
    context.update(fields)
    return render_template("notice.html", **context)
