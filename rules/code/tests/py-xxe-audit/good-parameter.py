from lxml import etree


# Documents a function is given, from whoever calls it: the audit profile's py-audit-xml-parse reports them (stop 57:
# on the accuracy bench 1 of 4 such parses was a weakness; the other three a model's loader only the tests call).
def load(data, path):
    # ok: code/py-xxe-audit
    root = etree.fromstring(data)
    # ok: code/py-xxe-audit
    tree = etree.parse(path)
    return root, tree
