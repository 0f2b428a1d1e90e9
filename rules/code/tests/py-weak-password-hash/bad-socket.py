import hashlib
import socket

USERS = {}


def serve(port):
    """A server reads a password from its client and keeps the digest: that is a stored password hash."""
    listener = socket.socket()
    listener.bind(("", port))
    listener.listen()
    conn, _ = listener.accept()
    user, password = conn.recv(256).decode().split(":", 1)
    # ruleid: code/py-weak-password-hash
    USERS[user] = hashlib.md5(password.encode()).hexdigest()
    conn.sendall(b"ok\n")


def register(server, port, user, password):
    """A client that only sends the digest, read by nothing: the peer keeps what it gets."""
    conn = socket.create_connection((server, port))
    # ruleid: code/py-weak-password-hash
    conn.sendall((user + ":" + hashlib.sha1(password.encode()).hexdigest()).encode())
