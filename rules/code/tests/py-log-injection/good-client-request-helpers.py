import logging

from requests import Request, Session

logger = logging.getLogger(__name__)


# A module-private helper called only with the annotated client request: the URL is the program's own.
def _url(request):
    url = request.url
    if request.params:
        url += "?" + "&".join(f"{k}={v}" for k, v in request.params.items())
    return url


def log_request(request: Request):
    logger.debug(f" --> {request.method} {_url(request)}")


# The function hands its parameter to requests to send: only a requests.Request has what that reads.
def send_request(request, allow_redirects=True):
    logger.debug(" --> DATA: %s", request.data)
    with Session() as session:
        prepared = session.prepare_request(request)
        return session.send(prepared, allow_redirects=allow_redirects)


def send_prepared(request):
    logger.debug(" --> FILES: %s", request.files)
    return Session().send(request.prepare())
