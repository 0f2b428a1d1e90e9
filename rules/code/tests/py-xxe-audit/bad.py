from lxml import etree


def load(data, path):
    # ruleid: code/py-xxe-audit
    root = etree.fromstring(data)
    # ruleid: code/py-xxe-audit
    tree = etree.parse(path)
    return root, tree
