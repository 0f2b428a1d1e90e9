import tornado.web
from urllib.parse import urlparse

from django.shortcuts import redirect
from flask import Flask, request

app = Flask(__name__)


@app.route("/login")
def login():
    # ruleid: code/py-open-redirect
    return redirect(request.args.get("next", "/"))


def logout(request):
    target = request.GET["next"]
    # ruleid: code/py-open-redirect
    return redirect(target)


@app.route("/back")
def back():
    # A lone `/` before the user's value makes `//evil.example`.
    # ruleid: code/py-open-redirect
    return redirect(f"/{request.args['next']}")


class LoginHandler(tornado.web.RequestHandler):
    def _redirect_safe(self, url, default="/"):
        # A check of the netloc alone: `https:/evil.example` has none, and the browser goes there.
        parsed = urlparse(url)
        if parsed.netloc or not (parsed.path + "/").startswith(self.base_url):
            url = default
        # ruleid: code/py-open-redirect
        self.redirect(url)

    def get(self):
        self._redirect_safe(self.get_argument("next", "/"))
