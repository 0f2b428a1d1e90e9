from urllib.parse import urlencode

from lxml import etree
from requests import get

SUGGEST_URL = "https://suggest.example.org/complete/search?client=toolbar&"


def dbpedia(query):
    # The answer of a request this function makes to a fixed HTTPS host.
    api = "https://lookup.example.org/api/search.asmx/KeywordSearch?"
    response = get(api + urlencode(dict(QueryString=query)))
    # ok: code/py-xxe-audit
    return etree.fromstring(response.content).xpath("//Result/Label//text()")


def google(query, lang):
    response = get(SUGGEST_URL + urlencode(dict(hl=lang, q=query)))
    # ok: code/py-xxe-audit
    return etree.fromstring(response.text).xpath("//suggestion/@data")


def feed():
    resp = get("https://news.example.org/rss?" + urlencode({"q": "x"}))
    # ok: code/py-xxe-audit
    return etree.XML(resp.content)
