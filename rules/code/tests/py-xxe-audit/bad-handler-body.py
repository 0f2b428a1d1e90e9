from lxml import etree

api_url = "https://api.search.example.org/"


def request(query, params):
    params["url"] = api_url + query
    return params


def upload(request):
    # The body of a request this program answers, not the answer to one it made.
    # ruleid: code/py-xxe-audit
    return etree.fromstring(request.body)


def parse(doc):
    # A function given some other document: whoever calls it chose it. The audit profile's (py-audit-xml-parse).
    # ok: code/py-xxe-audit
    return etree.fromstring(doc.text)
