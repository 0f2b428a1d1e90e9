import hashlib


def fingerprint(cert):
    return hashlib.sha256(cert).hexdigest()


def cache_key(path):
    return hashlib.md5(path.encode(), usedforsecurity=False).hexdigest()
