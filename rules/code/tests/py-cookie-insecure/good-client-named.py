from flask import Flask, make_response, redirect, request

app = Flask(__name__)


@app.route("/cookies/set/<name>/<value>")
def set_named(name, value):
    # The client names the cookie and gives its value: its own data under its own name, no session.
    r = make_response(redirect("/cookies"))
    r.set_cookie(key=name, value=value)
    return r


@app.route("/cookies/set")
def set_pairs():
    cookies = dict(request.args.items())
    r = make_response(redirect("/cookies"))
    for key, value in cookies.items():
        r.set_cookie(key=key, value=value)
    return r


@app.route("/set_cookie", methods=["POST"])
def set_asked():
    response = make_response("ok")
    response.set_cookie(request.args.get("name"), request.args.get("value"))
    return response
