import logging

import tornado.web
from oslo_i18n import _LE

logger = logging.getLogger(__name__)


class LoginHandler(tornado.web.RequestHandler):
    def get(self):
        url = self.get_argument("next", default="/")
        body = self.request.body.decode("utf-8")
        # %s writes the text as it is; only the %r argument is escaped.
        # ruleid: code/py-log-injection
        self.log.warning("Not allowing login redirect to %s (%r)" % (url, body))
        # ruleid: code/py-log-injection
        self.log.debug("Bad JSON %r from %s", body, url)
        # A named placeholder takes a mapping: not read, still checked.
        # ruleid: code/py-log-injection
        logger.info("%(u)r", {"u": url})
        # An f-string: the value written with !r is escaped, the other one is not.
        # ruleid: code/py-log-injection
        self.log.warning(f"Not allowing login redirect to {url!r} after {body}")
        # A string format that is no number's (`:>20` pads text).
        # ruleid: code/py-log-injection
        self.log.warning(f"Bad JSON {body:>20}")
        # !s writes the text as it is.
        # ruleid: code/py-log-injection
        self.log.warning(f"Bad JSON {body!s}")
        # A marked format string whose %s writes the text as it is.
        # ruleid: code/py-log-injection
        logger.error(_LE("Failed to proxy to %s"), url)
        self.redirect("/")
