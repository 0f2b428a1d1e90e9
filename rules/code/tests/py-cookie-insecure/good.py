from flask import Flask, make_response

app = Flask(__name__)

SESSION_COOKIE_SECURE = True


@app.route("/login", methods=["POST"])
def login():
    resp = make_response("ok")
    resp.set_cookie("sid", "abc", secure=True, httponly=True, samesite="Lax")
    return resp


@app.route("/logout")
def logout():
    resp = make_response("bye")
    # A deletion: the cookie is gone, nothing is sent again.
    resp.set_cookie("profile_page", max_age=0, path="/")
    return resp


def copy_cookies(source, target):
    # Each cookie keeps the flags it was set with (they travel in the spread mapping).
    for name, cookie in source.cookies.items():
        flags = {k: v for k, v in cookie.items() if k in ("secure", "httponly", "max_age", "path") and v}
        target.set_cookie(name, cookie.value, **flags)


def set_logout_reason(res, msg):
    # A ten-second message for the login page, and a display preference: no credential in either.
    res.set_cookie("logout_reason", msg, max_age=10)
    res.set_cookie("theme", "dark", max_age=365 * 86400)


def save_preferences(response, engines, plugins, utils):
    # A name formatted from a fixed word that says it is a preference list.
    response.set_cookie("disabled_{0}".format(engines.name), ",".join(engines.disabled), max_age=86400)
    response.set_cookie(f"enabled_{plugins.name}", ",".join(plugins.enabled), max_age=86400)
    # A helper given the response first and then a fixed preference name.
    utils.set_cookie(response, "warn", "on", 10 * 365 * 24 * 3600)


class Setting:
    # A preference holder: each setting saves itself under its own name (the name is a variable, but the
    # class says what the cookie holds).
    def __init__(self, value):
        self.value = value

    def save(self, name, resp):
        resp.set_cookie(name, self.value, max_age=365 * 86400)


class Preferences:
    def save(self, resp, unknown):
        for k, v in unknown.items():
            resp.set_cookie(k, v, max_age=365 * 86400)


def save_config_value(request, response, key, value):
    # A user interface preference (page size, theme) kept in the session and a cookie.
    request.session[key] = value
    response.set_cookie(key, value, max_age=365 * 86400)
    return response


def set_cookie(response, key, value, max_age, settings):
    # Secure follows the deployment's session setting, HttpOnly is set or follows it too; the helper writes
    # whatever its callers name.
    response.set_cookie(key, value, max_age=max_age, secure=settings.SESSION_COOKIE_SECURE or None, httponly=True)
    response.set_cookie(
        key, value, secure=app.config["SESSION_COOKIE_SECURE"], httponly=app.config["SESSION_COOKIE_HTTPONLY"]
    )
