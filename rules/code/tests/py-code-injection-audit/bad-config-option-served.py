import configparser
import json


def handle(request, section):
    # A section named by a variable, a dict's one-argument get, an object bound in the handler: each reported.
    # ruleid: code/py-code-injection-audit
    a = eval(config.get(section, "expr"))
    # ruleid: code/py-code-injection-audit
    b = eval(config.get("expr"))
    config = json.loads(request.body)
    # ruleid: code/py-code-injection-audit
    c = eval(config.get("calc", "expr"))
    parser = configparser.ConfigParser()
    parser.read_string(request.body.decode())
    # ruleid: code/py-code-injection-audit
    d = eval(parser.get("calc", "expr"))
    # ruleid: code/py-code-injection-audit
    e = eval(f"x + {config.get('calc', 'expr')}")
    return a, b, c, d, e
