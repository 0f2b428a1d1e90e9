# An Origin check that rejects only Origins with a host: `Origin: null` (any sandboxed iframe, a `data:` or
# `file:` page) parses to an empty netloc, skips the test and is let through.
import urllib.parse
from urllib.parse import urlparse

import tornado.websocket


def check_origin(origin, request_headers, allowed_origins):
    if origin is None:
        return False
    host_header = request_headers.get("Host")
    parsed_origin = urllib.parse.urlparse(origin).netloc.lower()
    # ruleid: code/py-origin-check-skips-null
    if parsed_origin and parsed_origin not in allowed_origins | {host_header}:
        return False
    return True


class EventsSocket(tornado.websocket.WebSocketHandler):
    def check_origin(self, origin):
        host = urlparse(origin).hostname
        # ruleid: code/py-origin-check-skips-null
        if host and host != self.request.host_name:
            return False
        return True


def cors_origin_allowed(request, allowed):
    netloc = urlparse(request.headers.get("Origin", "")).netloc
    # ruleid: code/py-origin-check-skips-null
    if netloc and not netloc in allowed:
        raise PermissionError("origin not allowed")
    return True
