import hashlib


def store(user, password):
    # ruleid: code/py-weak-password-hash
    user.password_hash = hashlib.md5(password.encode()).hexdigest()


def store_legacy(user, password):
    # ruleid: code/py-weak-password-hash
    user.password_hash = hashlib.new("sha1", password.encode()).hexdigest()
