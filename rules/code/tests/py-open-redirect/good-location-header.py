from flask import Flask, Response, jsonify, make_response, request, url_for

app = Flask(__name__)


@app.route("/redirect-home")
def redirect_home():
    response = app.make_response("")
    response.status_code = 302
    # A path of this site the program builds.
    response.headers["Location"] = url_for("index", page=request.args.get("page"))
    return response


@app.route("/go")
def go():
    target = request.args.get("to", "/")
    resp = make_response("", 302)
    # Only a target from a fixed list.
    if target in ("/", "/help", "/about"):
        resp.location = target
    return resp


@app.route("/city")
def city():
    # A field of a JSON body named `Location` is data, not a header.
    body = {"Location": request.args.get("city")}
    return jsonify(body)


@app.route("/where")
def where():
    # Another header that names a location is no redirect.
    response = make_response("")
    response.headers["X-Requested-Location"] = request.args.get("at")
    return response


class Marker:
    def __init__(self, place):
        # An object's own `location` field, not a response's.
        self.location = place


@app.route("/mark")
def mark():
    return str(Marker(request.args.get("place")).location)


@app.route("/items", methods=["POST"])
def create_item():
    # A 201 Created names the new member in `Location`; the browser follows no redirect.
    href = request.path.rstrip("/") + "/" + request.form["name"]
    return Response("", status=201, headers={"Location": href})
