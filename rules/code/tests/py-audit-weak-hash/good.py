import hashlib


# A digest its author marks as no security use (Python 3.9+), and a current hash.
def checksum(body):
    return hashlib.md5(body, usedforsecurity=False).hexdigest()


def content_id(body):
    return hashlib.sha256(body).hexdigest()
