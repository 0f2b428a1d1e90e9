import logging
from urllib.parse import unquote

import webob.dec

LOG = logging.getLogger(__name__)


@webob.dec.wsgify
def search(request):
    # The query's parameters are percent-decoded: `%0A` is a line break again.
    # ruleid: code/py-log-injection
    LOG.info("search for %s", request.GET.get("q"))
    return "ok"


class RefererMiddleware:
    def process_request(self, req):
        # A header value the handler decodes itself.
        referer = unquote(req.headers.get("Referer"))
        # ruleid: code/py-log-injection
        LOG.info("referer %s", referer)


class PathController:
    def show(self, req):
        # PATH_INFO under WebOb's `req` is percent-decoded too.
        # ruleid: code/py-log-injection
        LOG.debug("path %s", req.environ["PATH_INFO"])
