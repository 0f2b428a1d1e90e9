from tornado import web


class CallbackHandler(web.RequestHandler):
    def set_cookie(self, name, value, **kwargs):
        super().set_cookie(name, value, **kwargs)

    def get(self):
        token = self.get_argument("token")
        # The handler's own set_cookie: the first argument is the cookie's name.
        # ruleid: code/py-cookie-insecure
        self.set_cookie("token", token)
        # A helper given the cookie's name, not the handler.
        # ruleid: code/py-cookie-insecure
        self.hub_auth.set_cookie("token", token)
        self.redirect("/")


class LegacyHandler(web.RequestHandler):
    def post(self):
        sid = self.get_argument("sid")
        # The framework's own method called through its class, the handler given as `self`: the next
        # argument is still the cookie's name, set without the flags.
        # ruleid: code/py-cookie-insecure
        web.RequestHandler.set_cookie(self, "sid", sid)
