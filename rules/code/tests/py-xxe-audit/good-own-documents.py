from urllib import request as urllib_request

from lxml import etree
from requests import get


class Upstream:
    def __init__(self, server_url, xsltscript):
        self.server_url = server_url
        self.xsltscript = xsltscript

    def ticket(self, pgt):
        # The answer of a server this program asks (its operator configured it): the audit profile's lead.
        response = urllib_request.urlopen(self.server_url + "/proxy?pgt=" + pgt)
        return etree.fromstring(response.read())

    def transform(self):
        # The operator's own XSLT file, named by the configuration.
        return etree.parse(self.xsltscript)


def search(ids):
    # A document bound in the function from a request the function makes.
    results_xml = get("https://eutils.example.org/efetch?id=" + ",".join(ids)).content
    return etree.XML(results_xml)


# A parser with lxml's defaults names no document: the audit profile's lead.
parser = etree.XMLParser()
