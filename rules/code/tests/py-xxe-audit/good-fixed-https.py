from urllib.parse import urlencode

from lxml import etree
from requests import get

def dbpedia(query):
    # The answer of a request this function makes to a fixed HTTPS host.
    api = "https://lookup.example.org/api/search.asmx/KeywordSearch?"
    response = get(api + urlencode(dict(QueryString=query)))
    # ok: code/py-xxe-audit
    return etree.fromstring(response.content).xpath("//Result/Label//text()")


def google(query, lang):
    url = "https://suggest.example.org/complete/search?client=toolbar&{0}"
    response = get(url.format(urlencode(dict(hl=lang, q=query))))
    # ok: code/py-xxe-audit
    return etree.fromstring(response.text).xpath("//suggestion/@data")


def feed():
    resp = get("https://news.example.org/rss?" + urlencode({"q": "x"}))
    # ok: code/py-xxe-audit
    return etree.XML(resp.content)


def wikipedia(query, lang):
    # Another function's URL built from a variable host does not touch this one's.
    url = "https://" + lang + ".wikipedia.org/w/api.php?{0}"
    return get(url.format(urlencode(dict(search=query)))).json()
