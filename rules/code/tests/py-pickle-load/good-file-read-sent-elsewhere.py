import pickle


class Mirror:
    """Pickles go to a cache server, not into a file: the file read below is not one this module writes."""

    def __init__(self, client, path):
        self.client = client
        self.path = path

    def push(self, key, value):
        self.client.set(key, pickle.dumps(value))

    def restore(self):
        with open(self.path, "rb") as fh:
            # a file read: the audit profile's code/py-audit-pickle-file
            return pickle.load(fh)
