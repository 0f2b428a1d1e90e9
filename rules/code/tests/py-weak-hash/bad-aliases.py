import hashlib as h
from hashlib import md5, sha256

from Crypto.Hash import MD5
from cryptography.hazmat.primitives import hashes


def sign(secret, body):
    # ruleid: code/py-weak-hash
    return md5(secret + body).hexdigest()


def short_token(body):
    # ruleid: code/py-weak-hash
    return h.sha1(body).hexdigest() + sha256(body).hexdigest()


def legacy_signature(body):
    # ruleid: code/py-weak-hash
    digest = MD5.new(body)
    # ruleid: code/py-weak-hash
    return hashes.Hash(hashes.SHA1()), digest
