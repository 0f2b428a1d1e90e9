import hashlib as h
from hashlib import md5, sha256

from Crypto.Hash import MD5
from cryptography.hazmat.primitives import hashes


def store_password(password, salt):
    # ruleid: code/py-weak-hash
    return md5(salt + password).hexdigest()


def check_pw(pw, stored):
    # ruleid: code/py-weak-hash
    return h.sha1(pw).hexdigest() + sha256(pw).hexdigest() == stored


def legacy_password(body):
    # ruleid: code/py-weak-hash
    digest = MD5.new(body)
    # ruleid: code/py-weak-hash
    return hashes.Hash(hashes.SHA1()), digest


def sign(secret, body):
    # A request signature named by its function alone: an audit lead (code/py-audit-weak-hash).
    return md5(secret + body).hexdigest()
