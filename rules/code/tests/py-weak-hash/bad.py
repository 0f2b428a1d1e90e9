import hashlib


def check_password(stored, password, salt):
    # ruleid: code/py-weak-hash
    return hashlib.sha1(salt + password).hexdigest() == stored


def fingerprint(cert):
    # an audit lead only (code/py-audit-weak-hash): what a user signs on with is not named here
    return hashlib.sha1(cert).hexdigest()


def legacy_signature(data):
    # an audit lead only (code/py-audit-weak-hash): what a user signs on with is not named here
    return hashlib.new("md5", data).hexdigest()
