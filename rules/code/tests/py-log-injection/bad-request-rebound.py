import logging

from flask import request
from requests import Request as Sent

logger = logging.getLogger(__name__)


# `Request` here is Flask's incoming request class under its own name; the client's is imported as Sent.
from flask import Request


def view(request: Request):
    # ruleid: code/py-log-injection
    logger.info("from %s", request.args.get("who"))
