import hashlib


def fingerprint(cert):
    # ruleid: code/py-weak-hash
    return hashlib.sha1(cert).hexdigest()


def legacy_signature(data):
    # ruleid: code/py-weak-hash
    return hashlib.new("md5", data).hexdigest()
