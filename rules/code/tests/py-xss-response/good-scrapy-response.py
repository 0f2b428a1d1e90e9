from scrapy.http import Response
from scrapy.http.cookies import CookieJar


# A crawler's module: Scrapy's Response built in memory from the outgoing request, to feed the cookie jar;
# nothing is served.
class CookiesMiddleware:
    def process_request(self, request, spider):
        jar = CookieJar()
        for cookie in self._get_request_cookies(jar, request):
            jar.set_cookie_if_ok(cookie, request)

    def _get_request_cookies(self, jar, request):
        formatted = [f"{k}={v}" for k, v in request.cookies.items()]
        response = Response(request.url, headers={"Set-Cookie": formatted})
        return jar.make_cookies(response, request)
