import hashlib
import socket

USERS = {}


def serve(port):
    """A server answers its client's login with a salted digest and keeps it: the server chose MD5."""
    listener = socket.socket()
    listener.bind(("", port))
    listener.listen()
    conn, _ = listener.accept()
    user, salt = conn.recv(256).decode().split(":", 1)
    # ruleid: code/py-weak-hash
    USERS[user] = hashlib.md5((USERS.get(user, "") + "." + salt).encode()).hexdigest()
    conn.sendall(b"ok\n")


def register(server, port, user, secret, salt):
    """A client that only sends a salted digest, reading no challenge: the peer keeps what it gets."""
    conn = socket.create_connection((server, port))
    # an audit lead only (code/py-audit-weak-hash): what a user signs on with is not named here
    conn.sendall((user + ":" + hashlib.sha1((secret + salt).encode()).hexdigest()).encode())


def answer(server, port, user, secret):
    """A challenge answered over a connection the function did not open: not shown to be a client of a peer."""
    challenge = server.recv(128).decode().strip()
    # an audit lead only (code/py-audit-weak-hash): what a user signs on with is not named here
    server.sendall((user + ":" + hashlib.md5((secret + challenge).encode()).hexdigest()).encode())
