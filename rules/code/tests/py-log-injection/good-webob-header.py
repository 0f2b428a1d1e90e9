import logging

import webob.dec

LOG = logging.getLogger(__name__)


class RequestIdMiddleware:
    def process_request(self, req):
        # WebOb's header mapping is a view over the WSGI environ's HTTP_* keys: the server ends a header at a line break.
        request_id = req.headers.get("x-openstack-request-id")
        LOG.info("Begin processing request %(request_id)s", {"request_id": request_id})

    def reject(self, req):
        # The method token of the request line, under WebOb's usual name `req`: no line break.
        LOG.debug("The method %s is not allowed for this resource", req.environ["REQUEST_METHOD"])


@webob.dec.wsgify
def dump_headers(request):
    # Header names are tokens: no line break.
    LOG.debug("headers: %s", [h for h in request.headers.keys()])
    LOG.debug("pairs: %s", ["{}: {}".format(h, v) for h, v in request.headers.items()])
    return "ok"
