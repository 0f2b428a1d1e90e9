# A server's start-up code: each WSGI middleware named in the operator's INI file gets the arguments the same
# file gives it (trytond's wsgi.py), read once when the module is imported.
import configparser

from myserver.config import config
from myserver.settings import options as opts
from myserver.tools import resolve

app = make_app()

for middleware in config.options("wsgi middleware"):
    Middleware = resolve(config.get("wsgi middleware", middleware))
    args, kwargs = (), {}
    section = "wsgi %s" % middleware
    if config.has_option(section, "args"):
        args = eval(config.get(section, "args"))
    if config.has_option(section, "kwargs"):
        kwargs = eval(config.get(section, "kwargs"))
    app.wsgi_app = Middleware(app.wsgi_app, *args, **kwargs)

limits = eval(opts.get("limits", "defaults"))

parser = configparser.ConfigParser()
parser.read("/etc/myserver/hooks.ini")
hooks = eval(parser.get("hooks", "on_start"))
