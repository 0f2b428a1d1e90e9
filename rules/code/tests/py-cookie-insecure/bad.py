from flask import Flask, make_response

app = Flask(__name__)

# ruleid: code/py-cookie-insecure
SESSION_COOKIE_SECURE = False


@app.route("/login", methods=["POST"])
def login():
    resp = make_response("ok")
    # ruleid: code/py-cookie-insecure
    resp.set_cookie("sid", "abc", httponly=True)
    return resp


@app.route("/remember")
def remember():
    resp = make_response("ok")
    # A cookie kept for ten days (not a deletion).
    # ruleid: code/py-cookie-insecure
    resp.set_cookie("remember", "token", max_age=10 * 86400)
    return resp
