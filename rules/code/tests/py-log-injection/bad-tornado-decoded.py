import logging
from urllib.parse import parse_qs, unquote, unquote_plus

from tornado import web


class ApiHandler(web.RequestHandler):
    def get(self):
        # get_argument decodes %0A into a line break; so is the body whatever the client sent.
        # ruleid: code/py-log-injection
        self.log.warning("Blocking request for %s", self.get_argument("path"))
        # ruleid: code/py-log-injection
        logging.debug("posted %s", self.request.body)

    def head(self):
        # The raw path or query decoded by the handler itself: `%0A` is a line break again.
        # ruleid: code/py-log-injection
        logging.info("asked for %s", unquote(self.request.path))
        # ruleid: code/py-log-injection
        logging.info("path %s", unquote_plus(self.request.path))
        # ruleid: code/py-log-injection
        logging.info("referrer %s", parse_qs(self.request.headers.get("Referer")))


def referrer_query(request):
    # A helper that decodes a header's query itself: `%0A` is a line break again.
    # ruleid: code/py-log-injection
    logging.info("referrer %s", unquote(request.headers.get("Referer")))


def helper_referrer(request):
    # A helper's header bound to a name and decoded later: `%0A` is a line break again.
    referrer = request.headers.get("Referer")
    # ruleid: code/py-log-injection
    logging.info("referrer %s", unquote_plus(referrer))
