import json
import os
import pickle

from flask import request


class Importer:
    """Reads a pickle at one attribute and writes another: the file read is not one it wrote."""

    def __init__(self, import_path, datafile_path):
        self.import_path = import_path
        self.datafile_path = datafile_path

    def migrate(self):
        with open(self.import_path, "rb") as f:
            # a file read: the audit profile's code/py-audit-pickle-file
            data = pickle.load(f)
        with open(self.datafile_path, "w") as out:
            json.dump(data, out)


class Reader:
    """Opens its file only to read it: nothing says the program wrote it."""

    def __init__(self, path):
        self.path = path

    def load(self):
        with open(self.path, "r") as f:
            text = f.read()
        if text.startswith("{"):
            return json.loads(text)
        with open(self.path, "rb") as fh:
            # a file read: the audit profile's code/py-audit-pickle-file
            return pickle.load(fh)


class Inbox:
    """A file the visitor uploads, saved to the class's own path and read back in the request."""

    def __init__(self, incoming):
        self.incoming = incoming

    def receive(self):
        request.files["state"].save(self.incoming)
        with open(self.incoming, "rb") as fh:
            # ruleid: code/py-pickle-load
            return pickle.load(fh)

    def reset(self):
        with open(self.incoming, "w") as f:
            f.write("")
        os.replace(self.incoming, self.incoming + ".old")
