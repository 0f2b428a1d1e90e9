# A signature's own hash is SHA-1: a collision forges the signature, whatever the padding's MGF1 uses.
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding


def sign(key, data):
    pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.MAX_LENGTH)
    # ruleid: code/py-weak-hash
    return key.sign(data, pss, hashes.SHA1())
