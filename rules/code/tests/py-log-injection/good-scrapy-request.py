import logging
from typing import Optional

import scrapy
from scrapy import Request, Spider
from scrapy.http import FormRequest

logger = logging.getLogger(__name__)


# Scrapy's Request is the crawler's own outgoing request: the URL it fetches, the Referer it set.
def referer_str(request: Request) -> Optional[str]:
    referrer = request.headers.get("Referer")
    if referrer is None:
        return referrer
    return referrer.decode("utf-8", errors="replace")


class DupeFilter:
    def log(self, request: Request, spider: Spider) -> None:
        msg = "Filtered duplicate request: %(request)s (referer: %(referer)s)"
        args = {"request": request, "referer": referer_str(request)}
        logger.debug(msg, args, extra={"spider": spider})
        logger.debug("Filtered %s", request.url)


def log_login(request: FormRequest) -> None:
    logger.info("logging in at %s with %s", request.url, request.body)


def log_prepared(req: scrapy.http.Request) -> None:
    logger.debug("fetching %s", req.url)
