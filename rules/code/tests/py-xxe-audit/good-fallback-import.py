# lxml when it is installed, the standard library's ElementTree otherwise: with lxml present the name is
# lxml's etree and the uploaded document goes through its default parser.
try:
    from lxml import etree
except ImportError:
    from xml.etree import ElementTree as etree


def validate_upload(data_input):
    # ok: code/py-xxe-audit
    return etree.parse(data_input.stream)
