import logging

from tornado import web


class ApiHandler(web.RequestHandler):
    def get(self):
        # get_argument decodes %0A into a line break; so is the body whatever the client sent.
        # ruleid: code/py-log-injection
        self.log.warning("Blocking request for %s", self.get_argument("path"))
        # ruleid: code/py-log-injection
        logging.debug("posted %s", self.request.body)
