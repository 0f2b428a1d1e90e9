import hashlib
import os
from hashlib import md5


# Digests with nothing around them that says what they protect: a file's contents for change detection, a row's
# lookup column, a spool file's name. The default profile leaves them to the audit lead (code/py-audit-weak-hash);
# a digest whose function names what it protects is reported.
def file_digest(filename):
    h = hashlib.sha1()
    with open(filename, "rb") as f:
        for chunk in iter(lambda: f.read(4096), b""):
            h.update(chunk)
    return h.hexdigest()


def hash_columns(*args):
    return hashlib.sha1(b"\0".join(str(a).encode() for a in args)).hexdigest()


def spool(jobdir, job):
    m = md5()
    m.update(job)
    return os.path.join(jobdir, m.hexdigest())


def structure_hash(params):
    return hashlib.md5(repr(sorted(params.items())).encode()).hexdigest()
