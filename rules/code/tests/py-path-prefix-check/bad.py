import os
import shutil
import zipfile


# An archive member's name checked against the destination without a separator (magic-wormhole 0.12.0's
# _extract_file): a member `../dest-evil/x` resolves to /tmp/dest-evil/x, which starts with /tmp/dest.
def extract_file(zf, info, extract_dir):
    out_path = os.path.join(extract_dir, info.filename)
    out_path = os.path.abspath(out_path)
    if not out_path.startswith(extract_dir):
        raise ValueError("malicious zipfile")
    zf.extract(info.filename, path=extract_dir)
    perm = info.external_attr >> 16
    # ruleid: code/py-path-prefix-check
    os.chmod(out_path, perm)


class SocketDir:
    def __init__(self, source):
        self._dir_path = os.path.abspath(source)

    def lookup(self, token):
        path = os.path.abspath(os.path.join(self._dir_path, token))
        if not path.startswith(self._dir_path):
            return None
        # ruleid: code/py-path-prefix-check
        with open(path) as f:
            return f.read()


def remove_upload(root, name):
    target = os.path.realpath(os.path.join(root, name))
    if target.startswith(os.path.realpath(root)):
        # ruleid: code/py-path-prefix-check
        shutil.rmtree(target)


def copy_all(base, names):
    for name in names:
        full = os.path.normpath(os.path.join(base, name))
        if full != base and not full.startswith(base):
            continue
        # ruleid: code/py-path-prefix-check
        os.remove(full)


# A prefix built elsewhere without a separator (`root + "x"` is no folder end).
BASE = os.path.abspath("/srv/app")


def save(name, data):
    dest = os.path.abspath(os.path.join(BASE, name))
    if not dest.startswith(BASE):
        raise PermissionError(dest)
    # ruleid: code/py-path-prefix-check
    with open(dest, "wb") as fh:
        fh.write(data)


def write_raw(base, name, data):
    full = os.path.abspath(os.path.join(base, name))
    if not full.startswith(base):
        raise ValueError(name)
    # ruleid: code/py-path-prefix-check
    fd = os.open(full, os.O_WRONLY | os.O_CREAT)
    os.write(fd, data)
