# A CGI script's top level runs for each request: a ConfigParser it fills from the form is the requester's.
import cgi
from configparser import ConfigParser

form = cgi.FieldStorage()
calc = ConfigParser()
calc.read_string(form.getvalue("ini", ""))
# ruleid: code/py-code-injection-audit
result = eval(calc.get("calc", "expr"))
print("Content-Type: text/plain\n")
print(result)
