import logging
from urllib.parse import unquote

from django.http import HttpResponse

logger = logging.getLogger(__name__)


def launch(request):
    # PATH_INFO is percent-decoded: `%0A` is a line break.
    # ruleid: code/py-log-injection
    logger.info("path %s", request.META["PATH_INFO"])
    # A header decoded by the handler holds what its percent-escapes say.
    original = request.META.get("HTTP_X_ORIGINAL_URL", "")
    # ruleid: code/py-log-injection
    logger.info("original %s", unquote(original))
    # ruleid: code/py-log-injection
    logger.info("referer %s", unquote(request.headers.get("Referer")))
    # A default that is request data.
    # ruleid: code/py-log-injection
    logger.info("from %s", request.META.get("HTTP_REFERER", request.GET.get("from")))
    return HttpResponse("ok")
