import re

WORDS = re.compile(r"^\w+(\s\w+)*$")
QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
VERBOSE = re.compile(r"(a+)+ b", re.VERBOSE)


def counted(text, pattern):
    return re.match(r"^(\d{1,3}\.){3}\d{1,3}$", text) or re.search(pattern, text)
