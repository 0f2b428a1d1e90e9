from django.http import HttpResponse
from flask import Flask, request

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    # ruleid: code/py-xss-response
    return "<h1>Hello " + name + "</h1>"


def search(request):
    q = request.GET.get("q", "")
    # ruleid: code/py-xss-response
    return HttpResponse(f"<p>No results for {q}</p>")
