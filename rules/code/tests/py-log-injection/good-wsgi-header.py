import logging

from django.http import HttpResponse

logger = logging.getLogger(__name__)


def launch(request):
    # A header's value under its literal HTTP_* key: the server ends a header at a line break.
    logger.info("Request received from '%s'" % request.META.get("HTTP_REFERER", "Unknown"))
    # Django's header mapping gives the same value.
    logger.info("agent %s", request.headers.get("User-Agent"))
    # A key the WSGI server sets itself, not text the client wrote.
    if request.environ.get("wsgi.input_terminated"):
        logger.debug("input terminated: %s", request.environ["wsgi.input_terminated"])
    logger.debug("served by %s", request.META["SERVER_NAME"])
    return HttpResponse("ok")
