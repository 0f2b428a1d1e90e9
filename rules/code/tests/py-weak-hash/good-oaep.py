# SHA-1 as the hash of RSA-OAEP and of its MGF1 (RFC 8017's default): no collision property is used.
from base64 import b64decode

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding


def decrypt_legacy(key, secret):
    return key.decrypt(
        b64decode(secret),
        padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA1()), algorithm=hashes.SHA1(), label=None),
    )
