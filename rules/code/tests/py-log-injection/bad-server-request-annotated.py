import logging

from django.http import HttpRequest
from requests import Response
from starlette.requests import Request

logger = logging.getLogger(__name__)


# Starlette's Request is the request the program serves, whatever it is called.
async def search(request: Request):
    q = request.query_params.get("q")
    # ruleid: code/py-log-injection
    logger.info("search for %s", q)
    return Response()


def profile(request: HttpRequest):
    name = request.GET.get("name")
    # ruleid: code/py-log-injection
    logger.info("profile of %s", name)


def unannotated(request):
    # ruleid: code/py-log-injection
    logger.info("path %s", request.GET.get("path"))
