import pickle


class Meta:
    """An item's metadata record: the object reads its pickle from the handle it keeps and rewrites it there."""

    def __init__(self, file_meta):
        self._file = file_meta
        data = file_meta.read()
        self._data = pickle.loads(data) if data else {}

    def write(self):
        self._file.seek(0)
        pickle.dump(self._data, self._file, protocol=2)
        self._file.truncate()
