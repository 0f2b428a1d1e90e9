from lxml import etree


def parse(data):
    # ruleid: code/py-xxe
    parser = etree.XMLParser(resolve_entities=True)
    return etree.fromstring(data, parser)
