import os
import socket

from flask import Flask

app = Flask(__name__)
s = socket.socket()
s.bind(("127.0.0.1", 8080))
app.run(host=os.environ.get("HOST", "127.0.0.1"), port=5000)


def free_port():
    """A port no one uses, for a child server the test starts on 127.0.0.1."""
    probe = socket.socket()
    probe.bind(("", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def find_free_port():
    # The probe under the usual names: `sock = socket.socket()` is no socket handed to a server.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port
