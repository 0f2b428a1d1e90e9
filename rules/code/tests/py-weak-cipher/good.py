import os

from Crypto.Cipher import AES


def seal(key, data):
    nonce = os.urandom(12)
    return nonce + AES.new(key, AES.MODE_GCM, nonce=nonce).encrypt(data)
