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
