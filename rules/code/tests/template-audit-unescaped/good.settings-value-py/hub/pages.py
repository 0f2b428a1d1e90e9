from tornado import web


class BaseHandler(web.RequestHandler):
    def render_page(self, name, **ns):
        template = self.settings["jinja2_env"].get_template(name)
        return template.render(**ns)


class HomeHandler(BaseHandler):
    def get(self):
        # The banner and the page limit are the operator's settings, markup by design.
        html = self.render_page(
            "home.html",
            user=self.get_argument("user", ""),
            announcement=self.settings.get("announcement"),
            page_limit=self.settings["api_page_default_limit"],
        )
        self.finish(html)


class LoginHandler(BaseHandler):
    def get(self):
        ns = dict(login_banner="")
        ns["login_banner"] = self.settings["login_banner"]
        self.finish(self.render_page("home.html", **ns))
