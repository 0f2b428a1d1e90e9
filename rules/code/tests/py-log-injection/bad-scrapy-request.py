import logging

from django.http import HttpRequest
from scrapy import Request

logger = logging.getLogger(__name__)


# A Django view in a module that also imports scrapy's Request: the request it serves is not annotated
# as scrapy's, so it stays the incoming request.
def crawl_view(request):
    # ruleid: code/py-log-injection
    logger.info("crawl requested for %s", request.GET.get("url"))
    return Request(request.GET.get("url"))


def typed_view(request: HttpRequest):
    # ruleid: code/py-log-injection
    logger.info("crawl requested by %s", request.GET.get("user"))
