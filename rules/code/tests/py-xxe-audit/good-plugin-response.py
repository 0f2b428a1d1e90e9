from urllib.parse import urlencode

from lxml import etree

# The search service's API, fixed by the plugin.
base_url = "https://api.search.example.org/v2/query?"


def request(query, params):
    params["url"] = base_url + urlencode({"q": query})
    return params


def response(resp):
    results = []
    doc = etree.XML(resp.content)
    for entry in doc.xpath("//result"):
        results.append({"title": entry.findtext("title")})
    return results
