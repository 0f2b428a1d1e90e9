import pickle

# Pickles its state into its own file, but reads back a handle bound again by unpacking or a walrus.


def save(state):
    with open("state.pkl", "wb") as fh:
        pickle.dump(state, fh)


# The same name bound again by unpacking: a file some client uploaded.
def load_unpacked(name):
    pkl = open("state.pkl", "rb")
    pkl, size = get_upload(name), 0
    # a file read: the audit profile's code/py-audit-pickle-file
    return pickle.load(pkl)


def load_walrus(name):
    pkl = open("state.pkl", "rb")
    if (pkl := get_upload(name)) is None:
        return None
    # a file read: the audit profile's code/py-audit-pickle-file
    return pickle.load(pkl)
