import hashlib
import os
import random


def store_password(password):
    # A random salt, but the digest is of the password: the fast hash is the weakness.
    salt = str(random.random())
    # ruleid: code/py-weak-hash
    return salt, hashlib.sha1((salt + password).encode()).hexdigest()


def session_token(user):
    # The digest of the user's name beside a random number: not the number alone.
    nonce = random.random()
    # an audit lead only (code/py-audit-weak-hash): what a user signs on with is not named here
    return hashlib.md5(repr((user, nonce)).encode()).hexdigest()


def change_password(config, new_password):
    # A random salt digested first, then the password fed to the same SHA-1.
    salt = hashlib.sha1(os.urandom(32)).hexdigest()
    # ruleid: code/py-weak-hash
    s = hashlib.sha1(salt.encode("utf-8"))
    s.update(new_password.encode("utf8"))
    config["pwd_salt"] = salt
    config["pwd_sha1"] = s.hexdigest()
