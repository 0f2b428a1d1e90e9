import codecs
import json
import os
import pickle


class Feeds:
    """The user's data file, written by this class as JSON; a pickle is read from it only to migrate the data
    of an older version. Whoever can write that file already changes what the program stores."""

    def __init__(self, datafile_path):
        self.datafile_path = os.path.realpath(datafile_path)

    def load(self):
        if not os.path.exists(self.datafile_path):
            with codecs.open(self.datafile_path, "w", "utf-8") as f:
                json.dump({"version": 2, "feeds": []}, f)
        try:
            with codecs.open(self.datafile_path, "r", "utf-8") as f:
                return json.load(f)
        except ValueError:
            return self._load_pickled_data()

    def _load_pickled_data(self):
        with open(self.datafile_path, "rb") as f:
            feeds = list(feed.get_state() for feed in pickle.load(f))
        return {"version": 2, "feeds": feeds}


class State:
    """Saved atomically: written to a temporary name, then moved onto the state file."""

    def __init__(self, path):
        self.state_path = path

    def legacy(self):
        with open(self.state_path, "rb") as fh:
            return pickle.load(fh)

    def save(self, data):
        tmp = self.state_path + ".tmp"
        with open(tmp, "w") as f:
            json.dump(data, f)
        os.replace(tmp, self.state_path)
