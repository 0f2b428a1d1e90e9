import hashlib
import socket


def update(server, port, username, password, domain):
    """A dynamic DNS client: the server sends a salt, the protocol fixes the answer's digest."""
    digest = hashlib.md5(password.encode()).hexdigest()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as conn:
        conn.connect((server, port))
        salt = conn.recv(128).decode().strip()
        answer = hashlib.md5((digest + "." + salt).encode()).hexdigest()
        conn.sendall((username + ":" + answer + ":" + domain + "\n").encode())
        return conn.recv(128).decode().strip()
