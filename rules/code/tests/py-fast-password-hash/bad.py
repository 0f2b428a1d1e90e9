import hashlib
import hmac
import os
import uuid
from hashlib import sha1


def get_hash(salt, plain_password):
    # ruleid: code/py-fast-password-hash
    return hashlib.sha256(salt.encode() + plain_password.encode()).hexdigest()


def hash_password(plain_password):
    salt = uuid.uuid4().hex
    return salt + "$" + get_hash(salt, plain_password)


def hmac_password(salt, password):
    # ruleid: code/py-fast-password-hash
    return hmac.new(salt, password.encode(), hashlib.sha256).hexdigest()


def check_password(config, password):
    s = hashlib.sha1()
    s.update(config["pwd_salt"].encode("utf8"))
    # ruleid: code/py-fast-password-hash
    s.update(password.encode("utf8"))
    return s.hexdigest() == config["pwd_sha1"]


def encrypt(passwd, salt_len=8):
    m = sha1()
    salt = os.urandom(salt_len).hex()
    # ruleid: code/py-fast-password-hash
    m.update(passwd.encode() + salt.encode())
    return salt + m.hexdigest()


def store(user, new_pass):
    # ruleid: code/py-fast-password-hash
    user.secret_hash = hashlib.new("sha512", new_pass.encode()).hexdigest()


def hash_with_created(user, password):
    # A salt named for the time the account was made is still a fixed salt: a stored verifier.
    # ruleid: code/py-fast-password-hash
    return hashlib.sha256((password + str(user.created_at)).encode()).hexdigest()
