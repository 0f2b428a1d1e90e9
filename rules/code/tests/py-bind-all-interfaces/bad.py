import socket

from flask import Flask

app = Flask(__name__)
s = socket.socket()
# ruleid: code/py-bind-all-interfaces
s.bind(("0.0.0.0", 8080))
# ruleid: code/py-bind-all-interfaces
app.run(host="0.0.0.0", port=5000)
