from lxml import etree
from lxml.etree import XMLParser

# A parser with lxml's defaults: entities are expanded (external ones from local files before lxml 5.0).
# ruleid: code/py-xxe-audit
parser = etree.XMLParser()
# ruleid: code/py-xxe-audit
loose = etree.XMLParser(recover=True)
# ruleid: code/py-xxe-audit
plain = XMLParser(remove_blank_text=True)
