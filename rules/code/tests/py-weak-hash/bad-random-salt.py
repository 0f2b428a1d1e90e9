import hashlib
import random


def store_password(password):
    # A random salt, but the digest is of the password: the fast hash is the weakness.
    salt = str(random.random())
    # ruleid: code/py-weak-hash
    return salt, hashlib.sha1((salt + password).encode()).hexdigest()


def session_token(user):
    # The digest of the user's name beside a random number: not the number alone.
    nonce = random.random()
    # ruleid: code/py-weak-hash
    return hashlib.md5(repr((user, nonce)).encode()).hexdigest()
