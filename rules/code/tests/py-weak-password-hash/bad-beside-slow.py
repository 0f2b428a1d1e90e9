import hashlib

import bcrypt


def hash_password(password):
    """Named for what it does: the fast hash is the one new passwords get, whatever else the module holds."""
    # ruleid: code/py-weak-password-hash
    return hashlib.sha1(password.encode()).hexdigest()


def check_bcrypt(password, stored):
    return bcrypt.hashpw(password.encode(), stored) == stored
