from lxml import etree
from lxml.etree import XMLParser

# A parser with lxml's defaults: entities are expanded (external ones from local files before lxml 5.0).
# ruleid: code/py-audit-xml-parse
parser = etree.XMLParser()
# ruleid: code/py-audit-xml-parse
loose = etree.XMLParser(recover=True)
# ruleid: code/py-audit-xml-parse
plain = XMLParser(remove_blank_text=True)
