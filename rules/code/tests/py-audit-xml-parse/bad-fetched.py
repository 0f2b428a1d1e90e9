from urllib.parse import urlencode

from lxml import etree
from requests import get

BASE = "https://api.example.org/"


def fetch(url, query):
    # A URL the caller chooses: the document is whatever that host answers.
    response = get(url + urlencode({"q": query}))
    # ruleid: code/py-audit-xml-parse
    return etree.fromstring(response.content)


def plain(query):
    # Plain HTTP: anyone on the path writes the document.
    response = get("http://news.example.org/rss?" + urlencode({"q": query}))
    # ruleid: code/py-audit-xml-parse
    return etree.fromstring(response.text)


def host_from_query(query, host):
    # The host is not settled by the literal start.
    response = get("https://" + host)
    # ruleid: code/py-audit-xml-parse
    return etree.XML(response.content)


def module_constant():
    # A module-level name could be rebound anywhere: only the function's own name is read.
    response = get(BASE + "search")
    # ruleid: code/py-audit-xml-parse
    return etree.XML(response.content)


def reassigned(config):
    api = "https://api.example.org/"
    if config.base_url:
        api = config.base_url
    response = get(api + "search")
    # ruleid: code/py-audit-xml-parse
    return etree.XML(response.content)


def other_name(config):
    api = "https://api.example.org/"
    url = config.base_url
    response = get(url + "search")
    # ruleid: code/py-audit-xml-parse
    return etree.XML(response.content)

