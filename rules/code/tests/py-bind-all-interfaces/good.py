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


class Connection:
    # A client's socket: bound to port 0 (what the system does for any socket that connects) and connected.
    def connect(self, servername, port):
        for af, socktype, proto, _, sa in socket.getaddrinfo(servername, port, 0, socket.SOCK_STREAM):
            self.socket = socket.socket(af, socktype, proto)
            if self.tls:
                self.socket = self._wrap_socket(socket=self.socket, server_hostname=servername)
            self.socket.bind(("", 0))
            self.socket.settimeout(5.0)
            self.socket.connect(sa)
            return self


class Gui:
    @staticmethod
    def find_unused_port():
        """The probe listens for an instant, then closes: nothing is accepted or read, the number is handed on."""
        sck = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sck.bind(("", 0))
        sck.listen(1)
        port = sck.getsockname()[1]
        sck.close()
        return port
