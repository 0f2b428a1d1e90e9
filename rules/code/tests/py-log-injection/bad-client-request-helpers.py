import logging

from requests import Request, Session

logger = logging.getLogger(__name__)


def _url(request):
    # ruleid: code/py-log-injection
    logger.info("url %s", request.url)
    return request.url


def _path(request):
    # ruleid: code/py-log-injection
    logger.info("path %s", request.path)


# A public helper may be called from other modules with the request a view serves.
def url_of(request):
    # ruleid: code/py-log-injection
    logger.info("url %s", request.url)


def log_request(request: Request):
    _url(request)
    url_of(request)


# Also given the request this view serves: _url's parameter stays a request.
def view(request):
    _url(request)
    return _path


# A view that sends a request of its own; the request it serves is another parameter.
def proxy(request):
    # ruleid: code/py-log-injection
    logger.info("proxying %s", request.args.get("to"))
    outgoing = Request("GET", "https://api.example.org/")
    with Session() as session:
        return session.send(session.prepare_request(outgoing))


# The view's own request, beside a nested helper that sends a request of the same name (review40): the
# view's parameter is still the request it serves.
def relay(request):
    def forward(request):
        return Session().send(Session().prepare_request(request))

    # ruleid: code/py-log-injection
    logger.info("relay %s", request.args.get("to"))
    return forward

