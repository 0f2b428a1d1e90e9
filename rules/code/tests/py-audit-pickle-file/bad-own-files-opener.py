import pickle
import shelve
from pathlib import Path


class Importer:
    """Reads through an opener it never writes with, or another file than the one it writes."""

    def __init__(self, vfs, inbox, outbox):
        self.vfs = vfs
        self.inbox = inbox
        self.outbox = outbox

    def read_inbox(self):
        # The class writes `self.outbox`, never `self.inbox`: who wrote this file is not known.
        with self.vfs.open(self.inbox, "rb") as fp:
            # ruleid: code/py-audit-pickle-file
            return pickle.load(fp)

    def write_outbox(self, data):
        with self.vfs.open(self.outbox, "wb") as fp:
            pickle.dump(data, fp)

    def read_shared(self):
        # Only read here: the file is another program's.
        with Path(self.inbox).open("rb") as f:
            # ruleid: code/py-audit-pickle-file
            return pickle.load(f)

    def write_elsewhere(self, data):
        with Path(self.outbox).open("wb") as f:
            pickle.dump(data, f)


def read_listing(path):
    # Flag 'c' (the default) and 'r' open what is there and read it.
    # ruleid: code/py-audit-pickle-file
    with shelve.open(path, "c") as db:
        return dict(db)


def read_listing_default(path):
    # ruleid: code/py-audit-pickle-file
    with shelve.open(path) as db:
        return dict(db)
