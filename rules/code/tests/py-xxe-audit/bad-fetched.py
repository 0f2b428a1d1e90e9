from urllib.parse import urlencode

from lxml import etree
from requests import get

FEED_URL = "https://news.example.org/rss?"
BASE = "https://api.example.org/"


def fetch(url, query):
    # A URL the caller chooses: the document is whatever that host answers.
    response = get(url + urlencode({"q": query}))
    # ruleid: code/py-xxe-audit
    return etree.fromstring(response.content)


def plain(query):
    # Plain HTTP: anyone on the path writes the document.
    response = get("http://news.example.org/rss?" + urlencode({"q": query}))
    # ruleid: code/py-xxe-audit
    return etree.fromstring(response.text)


def host_from_query(query, host):
    # The host is not settled by the literal start.
    response = get("https://" + host)
    # ruleid: code/py-xxe-audit
    return etree.XML(response.content)


def configured(config):
    global BASE
    BASE = config.base_url
    response = get(BASE + "search")
    # ruleid: code/py-xxe-audit
    return etree.XML(response.content)


def uploaded(request):
    # ruleid: code/py-xxe-audit
    return etree.fromstring(request.files["doc"].read())
