import os
import pickle


class ProgressStore:
    """A state file the module writes itself, the pickle's bytes handed straight to its atomic write."""

    def __init__(self, filename):
        self.filename = filename

    def load(self):
        with open(self.filename, "rb") as f:
            return pickle.load(f)

    def write(self, status):
        write_atomic(self.filename, pickle.dumps(status))


def write_atomic(filename, data):
    tmp = filename + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, filename)
