from tornado import web


class BaseHandler(web.RequestHandler):
    def render_page(self, name, **ns):
        return self.settings["jinja2_env"].get_template(name).render(**ns)


class HomeHandler(BaseHandler):
    def get(self):
        self.finish(self.render_page("home.html", banner=self.settings["banner_html"]))


class BannerHandler(BaseHandler):
    # Any signed-in user's text becomes the "setting" every visitor's page shows.
    def post(self):
        self.settings["banner_html"] = self.get_body_argument("text")
        self.redirect("/")
