import os
from pathlib import Path


# The prefix ends in a separator where the check is written.
def extract_file(zf, info, extract_dir):
    out_path = os.path.abspath(os.path.join(extract_dir, info.filename))
    if not out_path.startswith(extract_dir + os.sep):
        raise ValueError("malicious zipfile")
    # ok: code/py-path-prefix-check
    os.chmod(out_path, info.external_attr >> 16)


def lookup(dir_path, token):
    path = os.path.abspath(os.path.join(dir_path, token))
    if not path.startswith(os.path.join(dir_path, "")):
        return None
    # ok: code/py-path-prefix-check
    return open(path).read()


# The prefix bound separator-ended elsewhere in the file.
ROOT = os.path.abspath("/srv/app") + os.sep


def save(name, data):
    dest = os.path.abspath(os.path.join(ROOT, name))
    if not dest.startswith(ROOT):
        raise PermissionError(dest)
    # ok: code/py-path-prefix-check
    with open(dest, "wb") as fh:
        fh.write(data)


class Store:
    def __init__(self, root):
        self.root = root
        if not self.root.endswith(os.sep):
            self.root += os.sep

    def read(self, name):
        full = os.path.realpath(os.path.join(self.root, name))
        if not full.startswith(self.root):
            raise ValueError(name)
        # ok: code/py-path-prefix-check
        return open(full).read()


# commonpath instead of a prefix test.
def remove(root, name):
    target = os.path.realpath(os.path.join(root, name))
    if os.path.commonpath([root, target]) != root:
        raise ValueError(name)
    # ok: code/py-path-prefix-check
    os.remove(target)


# A literal prefix (a scheme, a marker) says nothing of a folder.
def load(spec):
    if not spec.startswith("file:"):
        raise ValueError(spec)
    # ok: code/py-path-prefix-check
    return open(spec).read()


# The check does not refuse: a value outside the folder is moved into it.
def data_file(v, data_dir):
    if not v.startswith(data_dir):
        v = os.path.join(data_dir, os.path.basename(v))
    # ok: code/py-path-prefix-check
    return open(v).read()


# Another value is checked than the one opened.
def other(base, name, log):
    if not name.startswith(base):
        raise ValueError(name)
    # ok: code/py-path-prefix-check
    return open(log).read()


# The path is checked and opened in another function (the check's function returns it): no file use here.
def resolve(base, name):
    full = os.path.abspath(os.path.join(base, name))
    if not full.startswith(base):
        raise ValueError(name)
    return Path(full)


# A listing's names picked by a prefix (mailman's lock claim files): a choice of files, not a folder check, and
# the path was never resolved.
def remove_claims(lock_file):
    dname = os.path.dirname(lock_file)
    for fname in os.listdir(dname):
        fpath = os.path.join(dname, fname)
        if fpath.startswith(lock_file):
            # ok: code/py-path-prefix-check
            os.unlink(fpath)
