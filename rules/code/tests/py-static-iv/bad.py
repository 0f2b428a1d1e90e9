from Crypto.Cipher import AES


def encrypt(key, data):
    # ruleid: code/py-static-iv
    return AES.new(key, AES.MODE_CBC, b"0000000000000000").encrypt(data)
