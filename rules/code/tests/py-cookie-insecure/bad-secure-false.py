from http import cookies


def set_session_cookie(handler, name, value, path="/"):
    jar = cookies.SimpleCookie()
    # ruleid: code/py-cookie-insecure
    jar[name] = value
    jar[name]["path"] = path
    jar[name]["httponly"] = True
    # Secure written, and written off: the cookie still travels over plain HTTP.
    jar[name]["secure"] = False
    handler.send_header("Set-Cookie", jar[name].OutputString())
