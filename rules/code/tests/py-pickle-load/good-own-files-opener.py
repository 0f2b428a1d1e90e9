# Pickles read from files the program opens by path (through any opener) and a new shelf: the default profile
# reports none of them; the reads are the audit profile's code/py-audit-pickle-file, the new shelf no rule's.
import pickle
import shelve
import time
from pathlib import Path


class DirectoryListing:
    """A directory handler's own listing cache, read and written through the server's virtual file system."""

    def __init__(self, vfs, selector, cachefile):
        self.vfs = vfs
        self.cachename = selector + "/" + cachefile
        self.entries = []

    def loadcache(self):
        if time.time() - self.vfs.stat(self.cachename).st_mtime < 300:
            with self.vfs.open(self.cachename, "rb") as fp:
                self.entries = pickle.load(fp)

    def savecache(self):
        with self.vfs.open(self.cachename, "wb") as fp:
            pickle.dump(self.entries, fp, 1)


class JobState:
    """A job's state, pickled into its own job folder when the job stops and read back when it resumes."""

    def __init__(self, jobdir):
        self.jobdir = jobdir
        self.state = {}

    @property
    def statefn(self):
        return str(Path(self.jobdir, "job.state"))

    def closed(self):
        with Path(self.statefn).open("wb") as f:
            pickle.dump(self.state, f, protocol=4)

    def opened(self):
        if Path(self.statefn).exists():
            with Path(self.statefn).open("rb") as f:
                self.state = pickle.load(f)


def save_listing(path, entries):
    # Flag 'n' always makes a new, empty shelf: nothing is read from the file.
    with shelve.open(path, "n") as db:
        for key, value in entries.items():
            db[key] = value


def save_listing_named(path, entries):
    with shelve.open(path, flag="n") as db:
        db.update(entries)
