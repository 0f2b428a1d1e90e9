from http import cookies


class Request:
    def __init__(self):
        self._output_cookie = cookies.SimpleCookie()
        self._input_cookie = cookies.SimpleCookie()

    def add_cookie(self, param, value, expires=None, path="/", secure=True):
        self._output_cookie[param] = value
        self._output_cookie[param]["path"] = path
        self._output_cookie[param]["httponly"] = True
        if secure:
            self._output_cookie[param]["secure"] = True
        if expires is not None:
            self._output_cookie[param]["expires"] = expires

    def load(self, header):
        self._input_cookie.load(header)
        values = {}
        for key, morsel in self._input_cookie.items():
            values[key] = morsel.value
        return values
