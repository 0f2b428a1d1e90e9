import jinja2
from jinja2 import Environment, FileSystemLoader

# ruleid: code/py-jinja2-autoescape-disabled
env = Environment(loader=FileSystemLoader("templates"))
# ruleid: code/py-jinja2-autoescape-disabled
raw_env = jinja2.Environment(loader=FileSystemLoader("templates"), autoescape=False)
