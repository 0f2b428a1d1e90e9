import logging

import scrapy
from robyn import Robyn

logger = logging.getLogger(__name__)
app = Robyn(__file__)


# review42: a framework the crawler check does not list (Robyn) serves `request` to a route's handler; the
# module importing Scrapy does not make that request the crawler's own.
@app.get("/crawl")
async def crawl(request):
    # ruleid: code/py-log-injection
    logger.info("crawl asked for %s", request.query_params.get("url"))
    return scrapy.Request(request.query_params.get("url"))
