import logging

from flask import Flask
from scrapy.http import Request

logger = logging.getLogger(__name__)
app = Flask(__name__)


# A module that imports Scrapy and a web framework: a helper's `request` may be the one a view serves.
def remember(request):
    # ruleid: code/py-log-injection
    logger.info("crawl asked for %s", request.args.get("url"))
    return Request(request.args.get("url"))


class Middleware:
    def process_request(self, request, spider):
        # ruleid: code/py-log-injection
        logger.debug("fetching %s", request.args.get("to"))
