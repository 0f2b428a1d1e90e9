import os
import pickle
import shutil
import tempfile

DATADIR = os.path.expanduser("~/.local/share/bot")
FILENAME = os.path.join(DATADIR, "Topic.pickle")


class Topics:
    """A plugin's own state file: it opens the file by assignment rather than with `with`, reads its
    pickles back at start and writes them atomically into its own data directory when it flushes."""

    def __init__(self):
        self.undos = {}
        self.redos = {}
        try:
            pkl = open(FILENAME, "rb")
            try:
                self.undos = pickle.load(pkl)
                self.redos = pickle.load(pkl)
            except Exception:
                pass
            pkl.close()
        except IOError:
            pass

    def flush(self):
        fd, tempfn = tempfile.mkstemp(suffix="topic", dir=DATADIR)
        pkl = os.fdopen(fd, "wb")
        pickle.dump(self.undos, pkl)
        pickle.dump(self.redos, pkl)
        pkl.close()
        shutil.move(tempfn, FILENAME)

