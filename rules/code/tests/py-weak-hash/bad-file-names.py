import hashlib
import hmac
import os

from django.core.cache import cache


def store_password(store, password):
    # The digest of a password, even when a file is named after it.
    # ruleid: code/py-weak-hash
    digest = hashlib.sha1(password.encode())
    path = os.path.join(store, digest.hexdigest())
    return path


def sign(key, body, out_dir):
    # A keyed digest is a signature, wherever it is written.
    # an audit lead only (code/py-audit-weak-hash): what a user signs on with is not named here
    mac = hashlib.md5(key + body)
    return os.path.join(out_dir, mac.hexdigest())


def verify(data, expected, out_dir):
    # The digest checked against an expected value; only another name goes into the path.
    # an audit lead only (code/py-audit-weak-hash): what a user signs on with is not named here
    digest = hashlib.md5(data).hexdigest()
    ok = hmac.compare_digest(digest, expected)
    return ok, os.path.join(out_dir, "checked")


def remember(session, value):
    # Cached under another name: the digest is the value stored, a check made later.
    # an audit lead only (code/py-audit-weak-hash): what a user signs on with is not named here
    check = hashlib.md5(value.encode()).hexdigest()
    cache.set("session/" + session, value)
    return check



def cache_login(user, pwd):
    # The digest is the value a cache keeps (a password's, compared at the next login), not the key it is
    # found under.
    # ruleid: code/py-weak-hash
    hashed = hashlib.md5(pwd.encode()).hexdigest()
    cache.set("login/" + user, hashed, 3600)
    return hashed


def store_pwd(store, pwd):
    # A password under its short name, a file named after its digest.
    # ruleid: code/py-weak-hash
    digest = hashlib.sha1(pwd.encode())
    return os.path.join(store, digest.hexdigest())
