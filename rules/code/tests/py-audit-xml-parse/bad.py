from urllib import request as urllib_request

from lxml import etree


class Upstream:
    def __init__(self, server_url, xsltscript):
        self.server_url = server_url
        self.xsltscript = xsltscript

    def ticket(self, pgt):
        response = urllib_request.urlopen(self.server_url + "/proxy?pgt=" + pgt)
        # ruleid: code/py-audit-xml-parse
        return etree.fromstring(response.read())

    def transform(self):
        # ruleid: code/py-audit-xml-parse
        return etree.parse(self.xsltscript)


def load(data):
    # ruleid: code/py-audit-xml-parse
    return etree.fromstring(data)
