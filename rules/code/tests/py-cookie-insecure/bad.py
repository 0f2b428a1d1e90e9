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


def save_login(response, provider, utils, name, token):
    # A formatted name whose fixed word says session or token.
    # ruleid: code/py-cookie-insecure
    response.set_cookie("session_{0}".format(provider), token)
    # ruleid: code/py-cookie-insecure
    response.set_cookie(f"token_{name}", token)
    # A name formatted from a variable alone says nothing.
    # ruleid: code/py-cookie-insecure
    response.set_cookie("{0}".format(name), token)
    # A helper given the response and then a credential's name, or a name chosen at run time.
    # ruleid: code/py-cookie-insecure
    utils.set_cookie(response, "sessionid", token, 3600)
    # ruleid: code/py-cookie-insecure
    utils.set_cookie(response, name, token, 3600)


class SessionSettings:
    # A class named as settings that says session: its cookie may be the session's.
    def save(self, name, resp, token):
        # ruleid: code/py-cookie-insecure
        resp.set_cookie(name, token)


class Store:
    def save(self, name, resp, value):
        # A class whose name says nothing about what it stores.
        # ruleid: code/py-cookie-insecure
        resp.set_cookie(name, value)


def save_auth_config(response, key, value):
    # ruleid: code/py-cookie-insecure
    response.set_cookie(key, value)


def configure(response, key, value):
    # "config" only as part of a longer word says nothing.
    # ruleid: code/py-cookie-insecure
    response.set_cookie(key, value)


def set_session(response, key, sid, settings, app):
    # The setting decides Secure, but the cookie is the session and stays readable by script.
    # ruleid: code/py-cookie-insecure
    response.set_cookie("sessionid", sid, secure=settings.SESSION_COOKIE_SECURE)
    # Secure follows the setting but HttpOnly is left out: whatever name the helper's callers give, a
    # session's included, scripts can read it.
    # ruleid: code/py-cookie-insecure
    response.set_cookie(key, sid, max_age=3600, secure=settings.SESSION_COOKIE_SECURE or None)
    # ruleid: code/py-cookie-insecure
    response.set_cookie(key, sid, secure=app.config["SESSION_COOKIE_SECURE"], httponly=False)
    # A flag from the request, not from a setting.
    # ruleid: code/py-cookie-insecure
    response.set_cookie("theme_" + sid, sid, secure=response.secure)


class Settings:
    # A settings page (a Flask-RESTful resource) that signs the user in again after a password change: the
    # class's name says settings, the cookie's own name says session.
    def post(self, request, resp):
        token = issue_session_token(request.form["user"])
        # ruleid: code/py-cookie-insecure
        resp.set_cookie("session_token", token)
        return resp


def update_settings(request, response, sid):
    # ruleid: code/py-cookie-insecure
    response.set_cookie(app_config.SESSION_COOKIE_NAME, sid)
