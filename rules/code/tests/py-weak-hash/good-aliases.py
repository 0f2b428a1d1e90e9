import hashlib as h
from hashlib import md5, sha256


def etag(body):
    return md5(body, usedforsecurity=False).hexdigest()


def strong(body):
    return h.sha256(body).hexdigest() + sha256(body).hexdigest()
