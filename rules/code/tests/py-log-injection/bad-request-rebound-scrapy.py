import logging

from scrapy import Request
from starlette.requests import Request

logger = logging.getLogger(__name__)


# `Request` is bound again to Starlette's, the request the server answers.
async def endpoint(request: Request):
    # ruleid: code/py-log-injection
    logger.info("asked for %s", request.query_params.get("q"))
