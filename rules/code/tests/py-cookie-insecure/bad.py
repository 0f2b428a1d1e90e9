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


def remember_user(resp, name, token, user_id):
    # Names that say the cookie identifies the user or holds a token, and a name chosen at run time.
    # ruleid: code/py-cookie-insecure
    resp.set_cookie("api_token", token)
    # ruleid: code/py-cookie-insecure
    resp.set_cookie("user_id", user_id, max_age=86400)
    # ruleid: code/py-cookie-insecure
    resp.set_cookie("JSESSIONID", token)
    # ruleid: code/py-cookie-insecure
    resp.set_cookie(name, token)
