import logging

from tornado import web

log = logging.getLogger(__name__)


def browser_protocol(request):
    # A helper given the handler's request reads Tornado's parsed headers: no value holds a line break.
    headers = request.headers
    forwarded = headers.get("Forwarded")
    if forwarded:
        log.warning(f"Forwarded header present without protocol: {forwarded}")
    return headers.get("X-Scheme", request.protocol)


class ApiHandler(web.RequestHandler):
    def check_referer(self):
        proto = browser_protocol(self.request)
        log.warning(f"Blocking cross-origin request. Host URL: {proto}://{self.request.host}")
