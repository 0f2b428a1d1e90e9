import logging

from aiohttp import ClientRequest

logger = logging.getLogger(__name__)


# aiohttp's ClientRequest is a request the program sends: its URL and headers are the program's.
def trace_request(request: ClientRequest):
    # ok: code/py-log-injection
    logger.info("sending %s", request.headers.get("X-Trace"))
