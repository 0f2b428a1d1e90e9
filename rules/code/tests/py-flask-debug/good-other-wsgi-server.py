from flask import Flask
from gevent import pywsgi


class WebUI:
    """A web UI served by gevent's WSGI server: Werkzeug's debugger is only added by app.run, so debug
    mode here lets errors reach gevent, which answers a plain 500."""

    def __init__(self, host, port):
        app = Flask(__name__)
        app.debug = True
        self.app = app
        self.server = pywsgi.WSGIServer((host, port), app, log=None)

    def start(self):
        self.server.serve_forever()
