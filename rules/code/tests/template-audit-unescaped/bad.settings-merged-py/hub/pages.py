import json

from tornado import web


class HomeHandler(web.RequestHandler):
    def get(self):
        env = self.settings["jinja2_env"]
        self.finish(env.get_template("home.html").render(banner=self.settings["banner_html"]))


class SettingsHandler(web.RequestHandler):
    def post(self):
        changes = json.loads(self.request.body)
        self.settings.update(changes)
        self.finish({"ok": True})
