import pickle


def load_download(path):
    # This module never writes pickles: the file is a download or an upload saved to disk, and who wrote
    # it is not known.
    with open(path, "rb") as fh:
        # ruleid: code/py-pickle-load
        return pickle.load(fh)
