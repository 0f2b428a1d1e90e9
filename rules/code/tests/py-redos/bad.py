import re

# ruleid: code/py-redos
EMAIL = re.compile(r"^([a-zA-Z0-9])(([\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$")


def words(text):
    # ruleid: code/py-redos
    return re.match(r"^(\w+\s?)*$", text)


def nested(text):
    # ruleid: code/py-redos
    return re.search("(a|a)*b", text)



def sentence(text):
    # Verbose mode: spaces and comments are not part of the pattern, which is (\w+\s?)*$.
    # ruleid: code/py-redos
    return re.match(
        r"""(\w+   # a word
             \s?   # and maybe a space
            )*$""",
        text,
        re.VERBOSE,
    )
