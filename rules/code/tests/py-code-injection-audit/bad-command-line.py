import argparse
from urllib.request import urlopen


# A command that also fetches a URL evaluates what the remote answered, not only what its invoker typed.
def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    ns = parser.parse_args()
    body = urlopen(ns.url).read().decode()
    # ruleid: code/py-code-injection-audit
    return eval(body)


# A function of the same module that parses no command line: its caller's value.
def evaluate(expression):
    # ruleid: code/py-code-injection-audit
    return eval(expression)
