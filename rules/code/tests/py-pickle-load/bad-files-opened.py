import os
import pickle
import socket
import tempfile


class SharedState:
    """Pickles into files, but reads back handles that are not its own state file."""

    def save(self, key, value):
        fh = open(os.path.join(self.directory, key), "wb")
        pickle.dump(value, fh)
        fh.close()

    def load_tmp(self, key):
        # A world-writable temporary folder: any local user can plant the file first.
        fh = open(os.path.join("/tmp", key), "rb")
        # ruleid: code/py-pickle-load
        return pickle.load(fh)

    def load_gettempdir(self, key):
        fh = open(os.path.join(tempfile.gettempdir(), key), "rb")
        # ruleid: code/py-pickle-load
        return pickle.load(fh)

    def load_either(self, key, conn=None):
        fh = open(os.path.join(self.directory, key), "rb")
        if conn is not None:
            # The same name bound to a peer's stream: its bytes come from the network.
            fh = conn.makefile("rb")
        # a file read: the audit profile's code/py-audit-pickle-file
        return pickle.load(fh)

    def load_given(self, fh, key=None):
        # The name is a parameter: the caller's handle unless the key is given.
        if key:
            fh = open(os.path.join(self.directory, key), "rb")
        # a file read: the audit profile's code/py-audit-pickle-file
        return pickle.load(fh)

    def load_peer(self, host, key):
        # The name is also a peer's stream, bound by `with … as`: which one is read depends on the branch.
        if host:
            sock = socket.create_connection((host, 9000))
            with sock.makefile("rb") as fh:
                # a file read: the audit profile's code/py-audit-pickle-file
                return pickle.load(fh)
        fh = open(os.path.join(self.directory, key), "rb")
        # a file read: the audit profile's code/py-audit-pickle-file
        return pickle.load(fh)


def restore_upload(request, directory):
    # The visitor's upload, saved and read back: not the program's own state.
    path = os.path.join(directory, "upload.pck")
    request.files["state"].save(path)
    fh = open(path, "rb")
    # ruleid: code/py-pickle-load
    return pickle.load(fh)
