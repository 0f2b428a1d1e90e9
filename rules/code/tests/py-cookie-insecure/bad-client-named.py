from flask import Flask, make_response, request

app = Flask(__name__)
COOKIE = "sid"


def remember(response, name, token):
    # A helper's parameter, not a route's: the caller may pass the session's name.
    # ruleid: code/py-cookie-insecure
    response.set_cookie(key=name, value=token)


@app.route("/login/<user>")
def login(user):
    response = make_response("ok")
    # The route's part is the value here; the name is the application's.
    # ruleid: code/py-cookie-insecure
    response.set_cookie(COOKIE, user)
    for key in ("sid", "csrf"):
        # A loop over the application's own names.
        # ruleid: code/py-cookie-insecure
        response.set_cookie(key, request.args.get(key))
    return response
