from flask import Flask
from gevent import pywsgi

app = Flask(__name__)
# ruleid: code/py-flask-debug
app.debug = True


def serve(host, port, dev=False):
    if dev:
        # Werkzeug's server with the debug flag set above: the interactive debugger is on.
        app.run(host=host, port=port)
    else:
        pywsgi.WSGIServer((host, port), app).serve_forever()
