import hashlib
import hashlib as h
from hashlib import md5

from Crypto.Hash import MD5


# Every MD5 and SHA-1 not marked otherwise, whatever it is for: a lead for a review.
def checksum(body):
    # ruleid: code/py-audit-weak-hash
    return md5(body).hexdigest()


def short(body):
    # ruleid: code/py-audit-weak-hash
    return h.sha1(body).hexdigest()


def legacy(body):
    # ruleid: code/py-audit-weak-hash
    digest = MD5.new(body)
    # ruleid: code/py-audit-weak-hash
    return hashlib.new("md5", body).hexdigest(), digest
