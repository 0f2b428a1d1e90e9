import pickle


class Snapshot:
    """Reads the handle it is given and writes its pickles to another one: the record read is not its own."""

    def __init__(self, source, target):
        self._target = target
        data = source.read()
        # ruleid: code/py-pickle-load
        self._data = pickle.loads(data)

    def write(self):
        pickle.dump(self._data, self._target)
