import re

WORD = r"\w+"


def find(term, text):
    return re.compile(r"^\d+$"), re.search(WORD, text), re.search(re.escape(term), text)
