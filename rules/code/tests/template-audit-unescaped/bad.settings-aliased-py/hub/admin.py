from flask import current_app, request

from .views import app as application


# Settings written through another name are written all the same: any signed-in user's text becomes them.
@application.route("/admin/motd", methods=["POST"])
def set_motd():
    config = current_app.config
    config["MOTD"] = request.form["motd"]
    return "ok"


@application.route("/admin/banner", methods=["POST"])
def set_banner():
    application.config["BANNER"] = request.form["banner"]
    return "ok"
