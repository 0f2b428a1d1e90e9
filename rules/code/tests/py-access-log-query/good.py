# Access logs that write the path without the query, or the URI after its credentials are scrubbed, and a
# handler that reads request.uri for routing, not for a log.
from urllib.parse import parse_qs, urlencode, urlparse

from tornado.log import access_log


def _scrub_uri(uri):
    parsed = urlparse(uri)
    if parsed.query:
        params = parse_qs(parsed.query)
        for key in ("token", "_xsrf"):
            if key in params:
                params[key] = ["[secret]"]
        parsed = parsed._replace(query=urlencode(params, doseq=True))
    return parsed.geturl()


def log_request(handler, log=access_log):
    status = handler.get_status()
    request = handler.request
    uri = _scrub_uri(request.uri)
    log.info("%s %s %s", status, request.method, uri)


def log_path(handler):
    status = handler.get_status()
    path, _, _ = handler.request.uri.partition("?")
    access_log.info("%s %s %s", status, handler.request.method, path)
    access_log.debug("%s %s", status, handler.request.path)


class RedirectHandler(object):
    def get(self):
        path, *rest = self.request.uri.partition("?")
        self.redirect(path.rstrip("/") + "".join(rest))

    def prepare(self):
        if self.request.uri.startswith("/static/"):
            self.set_header("Cache-Control", "max-age=3600")
