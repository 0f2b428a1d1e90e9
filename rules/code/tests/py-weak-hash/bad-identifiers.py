import hashlib
import os
from hashlib import sha1


def encrypt(passwd):
    # The hash object is named `m`, not an identifier: a salted SHA-1 password store stays reported.
    # ruleid: code/py-weak-hash
    m = sha1()
    salt = os.urandom(8).hex()
    m.update(passwd.encode() + salt.encode())
    return salt + m.hexdigest()


def verify(data, expected):
    # `valid` ends in "id" but is an integrity check, not an identifier.
    # an audit lead only (code/py-audit-weak-hash): what a user signs on with is not named here
    valid = hashlib.md5(data).hexdigest() == expected
    return valid


def _next_unpredictable_id(seed):
    # A function named for an id that must not be guessed is not an identifier helper.
    # an audit lead only (code/py-audit-weak-hash): what a user signs on with is not named here
    return hashlib.sha1(seed).hexdigest()


def signature(key, payload):
    # A dict entry other than an id, and a full digest.
    # an audit lead only (code/py-audit-weak-hash): what a user signs on with is not named here
    return {"sig": hashlib.sha1(key + payload).hexdigest()}


def derive(password):
    # A key from a password is not a cache key.
    # ruleid: code/py-weak-hash
    key = hashlib.md5(password.encode()).digest()
    return key


def sign(key, body):
    # A name that ends in "e_tag" is no ETag: a MAC tag stays reported.
    # an audit lead only (code/py-audit-weak-hash): what a user signs on with is not named here
    signature_tag = hashlib.md5(key + body).hexdigest()
    return signature_tag


class Account:
    def set_password(self, password):
        # A hash named for a password, not for a path: a weak password hash.
        # ruleid: code/py-weak-hash
        self.password_hash = hashlib.md5(password.encode()).hexdigest()
        # ruleid: code/py-weak-hash
        setattr(self, "token_hash", hashlib.sha1(password.encode()).hexdigest())
        # ruleid: code/py-weak-hash
        self.uniqueness = hashlib.sha1(password.encode()).hexdigest()


def salted(password):
    salt = os.urandom(16)
    # The password hashed with random bytes beside it: the password's weak hash.
    # ruleid: code/py-weak-hash
    return hashlib.sha1(os.urandom(16) + password.encode()).hexdigest(), salt


class Accounts:
    def save(self, user, password):
        # A password's digest is no lookup key.
        # ruleid: code/py-weak-hash
        password_hash = hashlib.md5(password.encode("utf8")).hexdigest()
        return (user, password_hash)

    def token_to_id(self, token):
        # an audit lead only (code/py-audit-weak-hash): what a user signs on with is not named here
        return hashlib.md5(token.encode()).hexdigest()

    def get_etag_secret(self):
        # an audit lead only (code/py-audit-weak-hash): what a user signs on with is not named here
        return hashlib.md5(self.secret).hexdigest()
