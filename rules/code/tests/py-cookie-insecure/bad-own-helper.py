from http import cookies


class Request:
    def __init__(self):
        self._output_cookie = None

    def add_cookie(self, param, value, expires=None, path="/", httponly=False):
        if not self._output_cookie:
            self._output_cookie = cookies.SimpleCookie()
        # ruleid: code/py-cookie-insecure
        self._output_cookie[param] = value
        if expires is not None:
            self._output_cookie[param]["expires"] = expires
        if path:
            self._output_cookie[param]["path"] = path
        if httponly:
            self._output_cookie[param]["httponly"] = httponly

    def headers(self):
        return [("Set-Cookie", c.OutputString()) for c in (self._output_cookie or {}).values()]


def start_session(request, sessionid):
    request.add_cookie("sessionid", sessionid, expires=3600, httponly=True)
