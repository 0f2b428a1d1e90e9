import logging

import aiohttp.web
from aiohttp.web import Request

logger = logging.getLogger(__name__)


# aiohttp's web.Request is the request its server answers, not a client's: it stays request data.
async def search(request: Request):
    q = request.headers.get("X-Query")
    # ruleid: code/py-log-injection
    logger.info("search for %s", q)
    return aiohttp.web.Response()


async def profile(request: aiohttp.web.Request):
    # ruleid: code/py-log-injection
    logger.info("profile of %s", request.headers.get("X-User"))
    return aiohttp.web.Response()
