from lxml import etree

# ruleid: code/py-xxe
parser = etree.XMLParser()
# ruleid: code/py-xxe
loose = etree.XMLParser(recover=True)
