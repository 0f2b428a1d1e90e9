import os
import pickle
import tempfile


class SharedCache:
    """Writes its pickles to a world-writable temporary folder, where any local user can replace them."""

    def save(self, key, value):
        with open(os.path.join("/tmp", key), "wb") as fh:
            pickle.dump(value, fh)

    def load(self, key):
        with open(os.path.join("/tmp", key), "rb") as fh:
            # ruleid: code/py-pickle-load
            return pickle.load(fh)

    def load_tmp(self, key):
        with open(os.path.join(tempfile.gettempdir(), key), "rb") as fh:
            # ruleid: code/py-pickle-load
            return pickle.load(fh)

    def load_handle(self, fh):
        # A handle the caller opened: the file is not one this module opens.
        # ruleid: code/py-pickle-load
        return pickle.load(fh)

    def load_bytes(self, blob):
        # Bytes from anywhere (a shared cache server, a socket): not a file this module writes.
        # ruleid: code/py-pickle-load
        return pickle.loads(blob)


def restore_upload(request, directory):
    # The visitor's upload, saved and read back: not the program's own state.
    path = os.path.join(directory, "upload.pck")
    request.files["state"].save(path)
    with open(path, "rb") as fh:
        # ruleid: code/py-pickle-load
        return pickle.load(fh)
