from lxml import etree


def uploaded(request):
    # A file a request uploads: the document is whoever sent it.
    # ruleid: code/py-xxe-audit
    return etree.fromstring(request.files["doc"].read())


def flask_body():
    from flask import request

    # Flask's request is the module's global: its body is still the client's.
    # ruleid: code/py-xxe-audit
    return etree.fromstring(request.get_data())
