import logging

from scrapy.http import Response
from scrapy.utils.python import to_unicode

logger = logging.getLogger(__name__)


# A crawler's module (it imports Scrapy and no framework that serves requests): `request` is the
# outgoing Scrapy request a middleware sees, the URL the crawler fetches and the cookies it sends.
class CookiesMiddleware:
    def process_request(self, request, spider):
        cl = [to_unicode(c, errors="replace") for c in request.headers.getlist("Cookie")]
        if cl:
            cookies = "\n".join(f"Cookie: {c}\n" for c in cl)
            logger.debug(f"Sending cookies to: {request}\n{cookies}", extra={"spider": spider})

    def _format_cookie(self, cookie, request):
        logger.warning(f"Invalid cookie found in request {request}: {cookie}")

    def _get_request_cookies(self, jar, request):
        cookies = request.cookies
        for c in cookies:
            self._format_cookie(c, request)
        return Response(request.url, headers={"Set-Cookie": cookies})


class UrlLengthMiddleware:
    def _filter(self, request, spider):
        if len(request.url) > 2083:
            logger.info("Ignoring link (url length > 2083): %(url)s ", {"url": request.url})
            return False
        return True
