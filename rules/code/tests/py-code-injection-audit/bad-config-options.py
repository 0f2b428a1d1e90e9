import cgi
import json
import sys

from myserver.config import config

# A CGI script's top-level code runs once per request: the form is the client's.
form = cgi.FieldStorage()
# ruleid: code/py-code-injection-audit
total = eval(form.getvalue("expr", "0"))

# An object bound from another source: the standard input of a CGI script is the request body.
config2 = json.loads(sys.stdin.read())
# ruleid: code/py-code-injection-audit
scale = eval(config2.get("scale", "1"))

params = dict(p.split("=") for p in sys.argv[1:])
# ruleid: code/py-code-injection-audit
ratio = eval(params.get("ratio", "1"))


def middleware_args(section):
    # Inside a function a request may call: not known to be start-up code.
    # ruleid: code/py-code-injection-audit
    return eval(config.get(section, "args"))


# A lookup of one key (a dict's get), not an option of a section.
# ruleid: code/py-code-injection-audit
level = eval(config.get("level"))
