# A function named for its algorithm in a module whose only slow hash derives an encryption key, not a password:
# no slow password scheme is kept beside it, so this is the scheme new passwords get.
import hashlib


def hash_md5(password):
    # ruleid: code/py-weak-password-hash
    return hashlib.md5(password.encode()).hexdigest()


def derive_key(secret, salt):
    return hashlib.pbkdf2_hmac("sha256", secret, salt, 100000)


def register(db, name, password):
    db.insert(name, hash_md5(password))
