import os

from django.http import HttpResponse
from flask import Flask, request

app = Flask(__name__)


@app.route("/sync")
def sync():
    # The comprehension's own `request` is a queued job; Flask's request is read after it.
    sent = [request.send() for request in queued_jobs()]
    # ruleid: code/py-command-injection
    os.system(request.args.get("cmd"))
    return str(sent)


@app.route("/each")
def each():
    # ruleid: code/py-command-injection
    return str([os.system(name) for name in request.args.getlist("cmd")])


def forward(request):
    prepared = [session.prepare(request) for request in pending()]
    # ruleid: code/py-command-injection
    os.system(request.GET["cmd"])
    return HttpResponse(str(prepared))
