import hashlib


def hash_md5(password, salt):
    """Named for its algorithm, but the module has no slow scheme: this is how every password is kept."""
    # ruleid: code/py-weak-password-hash
    return hashlib.md5((salt + password).encode()).hexdigest()


def check_md5(password, salt, stored):
    # ruleid: code/py-weak-password-hash
    return stored == hashlib.md5((salt + password).encode()).hexdigest()
