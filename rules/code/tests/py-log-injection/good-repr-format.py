import logging

import tornado.web
from oslo_i18n import _LE

logger = logging.getLogger(__name__)


class LoginHandler(tornado.web.RequestHandler):
    def get(self):
        url = self.get_argument("next", default="/")
        # %r writes the repr: a line break comes out as the two characters \n.
        self.log.warning("Not allowing login redirect to %r" % url)
        body = self.request.body.strip().decode("utf-8")
        self.log.debug("Bad JSON: %r", body)
        logging.warning("client attempted to modify unknown property %r on %r", body, url)
        # A number's conversion writes a number.
        logger.info("got %d bytes for %r", len(body), url)
        # An f-string's !r and !a write the repr, a number's format a number.
        self.log.warning(f"Not allowing login redirect to {url!r}")
        self.log.warning(f"got {len(body):d} bytes for {url!a} ({self.request.method})")
        # A format string marked for translation keeps its conversions (gettext checks python-format entries).
        logger.error(_LE("Failed to proxy to %r: %s"), url, len(body))
        self.redirect("/")
