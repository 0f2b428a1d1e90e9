import hashlib
import os


def store(user, password):
    salt = os.urandom(16)
    user.password_hash = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    user.etag = hashlib.md5(user.avatar).hexdigest()
