# Origin checks that let only listed hosts through: an Origin with no host fails them.
from urllib.parse import urlparse

import tornado.websocket


def check_origin(origin, allowed_origins):
    parsed_origin = urlparse(origin).netloc.lower()
    if not parsed_origin or parsed_origin not in allowed_origins:
        return False
    return True


class EventsSocket(tornado.websocket.WebSocketHandler):
    def check_origin(self, origin):
        return urlparse(origin).netloc == self.request.host


def mirror_host(url, mirrors):
    # Not an Origin: a configured URL's host, checked only when there is one.
    host = urlparse(url).netloc
    if host and host not in mirrors:
        return False
    return True


def check_origin_header(origin, allowed, referer):
    # The name tested is not the parsed Origin's host.
    parsed = urlparse(origin).netloc
    if referer and referer not in allowed:
        return False
    return parsed in allowed
