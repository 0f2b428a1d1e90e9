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
