import logging

import tornado.web
import tornado.websocket

logger = logging.getLogger(__name__)


class WebSocketHandler(tornado.websocket.WebSocketHandler):
    # Tornado calls this method with the Origin header's value, which its parser splits on line breaks.
    def check_origin(self, origin):
        return check_origin(origin, self.request.headers, self.allowed_origins)


def check_origin(origin, request_headers, allowed_origins):
    if origin not in allowed_origins | {request_headers.get("Host")}:
        logger.warning('HTTP request denied for Origin "%s"', origin)
        return False
    return True


class JsonRpcHandler(tornado.web.RequestHandler):
    def options(self):
        origin = self.request.headers.get("Origin")
        # A bare call reaches the module's function above, not the method of the same name: the headers
        # object passed second is not the method's `origin`.
        if not check_origin(origin, self.request.headers, self.allowed_origins):
            self.set_status(403)
