import pickle
import shelve


def from_peer(conn):
    # Bytes, not a file: py-pickle-load's (default profile).
    return pickle.loads(conn.recv(4096))


def from_handle(fh):
    # A handle the caller gives: who opened what is not known here (py-pickle-load's).
    return pickle.load(fh)


def new_shelf(path, entries):
    # Flag 'n' makes a new, empty shelf: nothing is read.
    with shelve.open(path, "n") as db:
        db.update(entries)


def from_socket_file(sock):
    stream = sock.makefile("rb")
    return pickle.load(stream)
