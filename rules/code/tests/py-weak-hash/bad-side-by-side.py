import hashlib


def sign_upload(secret, body):
    # The SHA-256 digests the body; the signature itself is SHA-1 of other data (the secret and the body).
    checksum = hashlib.sha256()
    checksum.update(body)
    # an audit lead only (code/py-audit-weak-hash): what a user signs on with is not named here
    signature = hashlib.sha1()
    signature.update(secret + body)
    return checksum.hexdigest(), signature.hexdigest()


def fingerprint_token(token):
    # A weak digest of a token with no strong one beside it.
    # an audit lead only (code/py-audit-weak-hash): what a user signs on with is not named here
    digest = hashlib.md5()
    digest.update(token)
    return digest.hexdigest()
