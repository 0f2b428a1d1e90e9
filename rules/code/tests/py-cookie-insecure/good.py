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
