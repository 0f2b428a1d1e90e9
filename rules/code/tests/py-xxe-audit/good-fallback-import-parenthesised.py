# lxml's etree imported in parentheses, the standard library's under the same name as the fallback.
try:
    from lxml import (
        etree,
        objectify,
    )
except ImportError:
    import xml.etree.ElementTree as etree


def validate_upload(data_input):
    # ok: code/py-xxe-audit
    return etree.parse(data_input.stream), objectify
