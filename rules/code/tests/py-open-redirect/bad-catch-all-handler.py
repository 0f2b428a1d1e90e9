import tornado.web
from django.shortcuts import redirect


class TrailingSlashHandler(tornado.web.RequestHandler):
    """Routed by `(r".*/", TrailingSlashHandler)`: it sees every path, `//evil.example/` too."""

    def get(self):
        # ruleid: code/py-open-redirect
        self.redirect(self.request.path.rstrip("/"))


class AssetHandler(tornado.web.StaticFileHandler):
    """A static-file handler is routed by `/(.*)`: a directory's address gets its slash."""

    def get(self, path, include_body=True):
        if not self.request.path.endswith("/"):
            # ruleid: code/py-open-redirect
            return self.redirect(self.request.path + "/")
        return super().get(path, include_body)


class NotFoundHandler(tornado.web.RequestHandler):
    def prepare(self):
        # ruleid: code/py-open-redirect
        self.redirect(self.request.path + "/")


def page_not_found(request, exception):
    """Django's `handler404`: every path no pattern matched."""
    if not request.path.endswith("/"):
        # ruleid: code/py-open-redirect
        return redirect(request.path + "/")
    return None
