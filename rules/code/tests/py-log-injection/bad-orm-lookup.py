import logging

from django.http import HttpResponse

logger = logging.getLogger(__name__)
SETTINGS = {"title": "Courses"}


def launch(request):
    # A mapping's `default=` (a `Mapping.get`, Werkzeug's `MultiDict.get`) is the answer when the key is missing.
    title = SETTINGS.get("heading", default=request.POST["title"])
    # ruleid: code/py-log-injection
    logger.info("launch titled %s", title)
    # configparser's `fallback=` likewise.
    section = SETTINGS.get("section", fallback=request.POST["section"])
    # ruleid: code/py-log-injection
    logger.info("section %s", section)
    return HttpResponse("ok")
