import logging

from bottle import request, route

logger = logging.getLogger(__name__)


@route("/api/<name>")
def api(name):
    # Bottle quotes the path again when it rebuilds the URL; the query string is the raw request line's.
    logger.debug("Receive %s %s request", request.method, request.url)
    return "ok"
