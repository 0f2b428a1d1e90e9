import logging

import requests
from requests import Request, Response

logger = logging.getLogger(__name__)


# The program's own outgoing request, logged before it is sent: its URL, body and files are the program's.
def log_request(request: Request):
    logger.debug(f" --> {request.method} {request.url}")
    if request.data:
        logger.debug(f" --> DATA: {request.data}")
    logger.debug(f" --> FILES: {request.files}")


def log_prepared(req: requests.PreparedRequest):
    logger.debug("sending %s", req.body)


def log_response(response: Response):
    logger.debug(" <-- %s", response.status_code)
