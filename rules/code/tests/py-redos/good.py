import re

WORDS = re.compile(r"^\w+(\s\w+)*$")
QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
VERBOSE = re.compile(r"(a+ b)+  # each round ends in b", re.VERBOSE)


def counted(text, pattern):
    return re.match(r"^(\d{1,3}\.){3}\d{1,3}$", text) or re.search(pattern, text)



def optional_argument(text):
    # The alternatives \\] and \\] are the same text, but a closing ] always lets the match succeed at
    # once: the engine never has to try every way.
    return re.match(
        r"""\s*   # leading whitespace
        \[(?P<optarg>(\\]|[^\[\]]|\\])*)\]
        (?P<remainder>.*$)
        """,
        text,
        re.VERBOSE,
    )
