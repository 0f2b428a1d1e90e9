from Crypto.Cipher import AES, DES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def legacy(key, data):
    # ruleid: code/py-weak-cipher
    return DES.new(key, DES.MODE_CBC).encrypt(data)


def blocks(key, data):
    # ruleid: code/py-weak-cipher
    return AES.new(key, AES.MODE_ECB).encrypt(data)


def hazmat(key):
    # ruleid: code/py-weak-cipher
    return Cipher(algorithms.AES(key), modes.ECB())
