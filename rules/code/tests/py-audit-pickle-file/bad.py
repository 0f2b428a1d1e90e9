import os
import pickle
import shelve
from pathlib import Path

STATE = os.path.expanduser("~/.local/share/app/state.pickle")


def load_state():
    # The program's own state file: the default profile leaves it here.
    with open(STATE, "rb") as f:
        # ruleid: code/py-audit-pickle-file
        return pickle.load(f)


def load_named(path):
    fh = open(path, "rb")
    # ruleid: code/py-audit-pickle-file
    data = pickle.Unpickler(fh).load()
    fh.close()
    return data


def load_inline(path):
    # ruleid: code/py-audit-pickle-file
    return pickle.load(open(path, "rb"))


class Listing:
    def __init__(self, vfs, name):
        self.vfs = vfs
        self.name = name

    def read(self):
        with self.vfs.open(self.name, "rb") as fp:
            # ruleid: code/py-audit-pickle-file
            return pickle.load(fp)

    def read_path(self):
        with Path(self.name).open("rb") as fp:
            # ruleid: code/py-audit-pickle-file
            return pickle.load(fp)

    def read_shelf(self):
        # ruleid: code/py-audit-pickle-file
        return dict(shelve.open(self.name, "r"))
