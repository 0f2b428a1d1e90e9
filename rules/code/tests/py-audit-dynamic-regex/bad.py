import re


def find(term, text):
    # ruleid: code/py-audit-dynamic-regex
    pattern = re.compile(term)
    # ruleid: code/py-audit-dynamic-regex
    return pattern, re.search("^" + term, text)
