import socket

from flask import Flask

app = Flask(__name__)
s = socket.socket()
# ruleid: code/py-bind-all-interfaces
s.bind(("0.0.0.0", 8080))
# ruleid: code/py-bind-all-interfaces
app.run(host="0.0.0.0", port=5000)


def serve_any_port():
    # Port 0 and a listen: a server on every interface, whatever port the system picked.
    srv = socket.socket()
    # ruleid: code/py-bind-all-interfaces
    srv.bind(("", 0))
    port = srv.getsockname()[1]
    srv.listen(5)
    conn, _ = srv.accept()
    conn.close()
    srv.close()
    return port


def udp_any_port():
    # A datagram socket receives as soon as it is bound.
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    # ruleid: code/py-bind-all-interfaces
    u.bind(("0.0.0.0", 0))
    port = u.getsockname()[1]
    data = u.recvfrom(1024)
    u.close()
    return port, data


def serve_on_any_port(app, web):
    # The port the system picked is printed, and the socket itself handed to a server that listens on it: the
    # server is on every interface.
    sock = socket.socket()
    # ruleid: code/py-bind-all-interfaces
    sock.bind(("0.0.0.0", 0))
    print("serving on", sock.getsockname()[1])
    web.run_app(app, sock=sock)
    sock.close()


def serve_by_fd(server):
    s = socket.socket()
    # ruleid: code/py-bind-all-interfaces
    s.bind(("", 0))
    port = s.getsockname()[1]
    server.start(fd=s.fileno())
    s.close()
    return port


def callback_server(peer):
    # Another socket connects; the one bound on every interface waits for the peer to call back.
    srv = socket.socket()
    # ruleid: code/py-bind-all-interfaces
    srv.bind(("", 0))
    client = socket.socket()
    client.connect(peer)
    client.sendall(str(srv.getsockname()[1]).encode())
    srv.listen(1)
    return srv.accept()


def connect_then_serve(peer):
    s = socket.socket()
    # ruleid: code/py-bind-all-interfaces
    s.bind(("0.0.0.0", 0))
    s.connect(peer)
    s.close()
    s.listen(1)


def listen_and_hand_on(worker):
    # It listens and is closed here, but another thread accepts on it in the meantime: a server on every interface.
    sck = socket.socket()
    # ruleid: code/py-bind-all-interfaces
    sck.bind(("", 0))
    sck.listen(1)
    port = sck.getsockname()[1]
    t = worker(target=serve_one, args=(sck,))
    t.join()
    sck.close()
    return port


def listen_and_return():
    srv = socket.socket()
    # ruleid: code/py-bind-all-interfaces
    srv.bind(("0.0.0.0", 0))
    srv.listen(1)
    port = srv.getsockname()[1]
    if port < 1024:
        srv.close()
    return srv, port

