from lxml import etree


def parse(data):
    # ruleid: code/py-xxe
    parser = etree.XMLParser(resolve_entities=True)
    return etree.fromstring(data, parser)


def load_with_dtd(path):
    from lxml.etree import XMLParser, parse

    # ruleid: code/py-xxe
    return parse(path, XMLParser(load_dtd=True))
