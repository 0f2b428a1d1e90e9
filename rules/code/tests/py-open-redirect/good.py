import tornado.web

from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from flask import Flask, request, url_for

app = Flask(__name__)


@app.route("/login")
def login():
    return redirect(url_for("home"))


def logout(request):
    target = request.GET["next"]
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    return redirect(target)


def item(request):
    return redirect(f"/items/{request.GET['id']}")


class LoginHandler(tornado.web.RequestHandler):
    def get(self):
        next_url = self.get_argument("next", "/")
        if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={self.request.host}):
            next_url = "/"
        self.redirect(next_url)

    def post(self):
        self.redirect(self.reverse_url("home"))
