from urllib.parse import urlencode

from lxml import etree

base_url = "https://api.search.example.org/v2/query?"
# A mirror reached over plain HTTP: its answer may be anyone's.
mirror_url = "http://mirror.search.example.org/v2/query?"


def request(query, params):
    params["url"] = (mirror_url if params.get("mirror") else base_url) + urlencode({"q": query})
    return params


# The answer handed to a plugin's response hook, over plain HTTP: a parameter, the audit profile's lead.
def response(resp):
    # ok: code/py-xxe-audit
    return etree.XML(resp.content)
