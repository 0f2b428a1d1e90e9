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
