import os
import pickle


class Queue:
    """The program's own storage format: this module pickles entries into its data directory and reads
    them back; whoever can write that directory already runs as the program."""

    def __init__(self, directory):
        self.directory = directory

    def enqueue(self, name, msg, data):
        with open(os.path.join(self.directory, name + ".pck"), "wb") as fp:
            pickle.dump(msg, fp, pickle.HIGHEST_PROTOCOL)
            pickle.dump(data, fp)

    def dequeue(self, name):
        with open(os.path.join(self.directory, name + ".pck"), "rb") as fp:
            msg = pickle.load(fp)
            data = pickle.load(fp)
        return msg, data


def read_cache(cache_file):
    try:
        with open(cache_file, "rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError):
        return None


def write_cache(cache_file, value):
    with open(cache_file, "wb") as f:
        pickle.dump(value, f)
