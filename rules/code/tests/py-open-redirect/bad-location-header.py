from django.http import HttpResponse
from flask import Flask, Response, make_response, request
from werkzeug.datastructures import CaseInsensitiveDict

app = Flask(__name__)


@app.route("/redirect-to")
def redirect_to():
    args = CaseInsensitiveDict(request.args.items())
    response = app.make_response("")
    response.status_code = 302
    # ruleid: code/py-open-redirect
    response.headers["Location"] = args["url"].encode("utf-8")
    return response


@app.route("/go")
def go():
    resp = make_response("", 302)
    # ruleid: code/py-open-redirect
    resp.location = request.args.get("to")
    return resp


@app.route("/jump")
def jump():
    # ruleid: code/py-open-redirect
    return Response("", status=302, headers={"Location": request.args["next"]})


@app.route("/hop")
def hop():
    # ruleid: code/py-open-redirect
    return "", 302, {"Location": request.values.get("next")}


def django_view(request):
    response = HttpResponse(status=302)
    # ruleid: code/py-open-redirect
    response["Location"] = request.GET["next"]
    return response
