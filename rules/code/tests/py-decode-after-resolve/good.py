# Decoded first, then resolved (and checked): `%2e%2e` is `..` before normpath removes it.
import os
import posixpath
import urllib.parse
from http.server import BaseHTTPRequestHandler
from urllib.parse import unquote, urljoin


class DAVHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        path = posixpath.normpath(unquote(urllib.parse.urlsplit(self.path).path))
        full = os.path.realpath(os.path.join("/srv/dav", path.lstrip("/")))
        if not full.startswith("/srv/dav/"):
            return self.send_error(403)
        self.send_file(full)

    def link_for(self, name):
        # A link built from the program's own names, decoded for display: no request path.
        return unquote(urljoin(self.base_url, name))


def crawl(page_url, href):
    # A crawler resolving a link of a fetched page: no request path, no file.
    return unquote(urljoin(page_url, href))
