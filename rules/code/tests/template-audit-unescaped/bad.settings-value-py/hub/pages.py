from tornado import web


class BaseHandler(web.RequestHandler):
    def render_page(self, name, **ns):
        template = self.settings["jinja2_env"].get_template(name)
        return template.render(**ns)


class HomeHandler(BaseHandler):
    def get(self):
        html = self.render_page(
            "home.html",
            announcement=self.settings.get("announcement"),
            page_limit=self.settings["api_page_default_limit"],
            signature=self.current_user.settings["signature"],
        )
        self.finish(html)


class PreviewHandler(BaseHandler):
    def get(self):
        # The same variable given the request's text on another page.
        self.finish(self.render_page("home.html", announcement=self.get_argument("text")))


class ProfileHandler(BaseHandler):
    def get(self):
        ns = {"motto": self.settings["motto"]}
        ns.setdefault("footer", self.get_argument("footer", ""))
        ns["footer"] = self.settings["footer"]
        self.finish(self.render_page("home.html", **ns))
