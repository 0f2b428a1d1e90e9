from tornado import web


class HubAuth:
    def set_cookie(self, handler, access_token):
        # The helper sets the flags itself.
        handler.set_secure_cookie("hub-token", access_token, httponly=True, secure=True)


class CallbackHandler(web.RequestHandler):
    def initialize(self, hub_auth):
        self.hub_auth = hub_auth

    def get(self):
        token = self.get_argument("token")
        # The helper is given this handler to set the cookie on: its body is where the flags are.
        self.hub_auth.set_cookie(self, token)
        self.redirect("/")
