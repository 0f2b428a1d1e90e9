import logging

from tornado import web


class ApiHandler(web.RequestHandler):
    def check_origin(self):
        host = self.request.headers.get("Host")
        # Tornado's path is the raw request-line text, and its header parser splits on line breaks.
        self.log.warning("Blocking Cross Origin API request for %s. Host: %s", self.request.path, host)
        logging.debug("Redirecting %s", self.request.uri)
