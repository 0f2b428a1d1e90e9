# A request path whose dot segments are resolved before it is percent-decoded: `urljoin` and `normpath`
# remove `/../` but not `/%2e%2e/`, which unquote turns into `..` afterwards, so the path then leaves the
# folder it was resolved in (`GET /%2e%2e/%2e%2e/etc/passwd`).
import os
import posixpath
import urllib.parse
from http.server import BaseHTTPRequestHandler
from urllib.parse import unquote, urljoin


class DAVHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        uri = urllib.parse.urljoin(self.get_baseuri(), self.path)
        # ruleid: code/py-decode-after-resolve
        uri = urllib.parse.unquote(uri).encode()
        self.send_file(self.uri2local(uri))

    def do_DELETE(self):
        # ruleid: code/py-decode-after-resolve
        target = unquote(urljoin("http://localhost/", self.path))
        os.remove(self.uri2local(target))

    def do_PUT(self):
        clean = posixpath.normpath(self.path)
        # ruleid: code/py-decode-after-resolve
        name = urllib.parse.unquote_plus(clean)
        with open(os.path.join("/srv/dav", name.lstrip("/")), "wb") as f:
            f.write(self.rfile.read(int(self.headers["Content-Length"])))


def app(environ, start_response):
    # ruleid: code/py-decode-after-resolve
    path = unquote(os.path.normpath(environ["PATH_INFO"]))
    start_response("200 OK", [])
    return [open(os.path.join("/srv/www", path.lstrip("/")), "rb").read()]
