import hashlib
import hmac
import os


def hash_password(password):
    salt = os.urandom(16)
    return salt + hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)


def hash_password_pbkdf2(password, salt):
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)


def token_digest(reset_token, password_reset_token):
    return hashlib.sha256(reset_token.encode()).hexdigest() + hashlib.sha256(password_reset_token).hexdigest()


def file_digest(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        h.update(f.read())
    return h.hexdigest()


def sign(password, body):
    # The password keys the MAC of a message.
    return hmac.new(password.encode(), body, hashlib.sha256).hexdigest()


def _default_cookie_secret(key, password):
    # A signing secret derived from the (already hashed) configured password.
    h = hmac.new(key, digestmod=hashlib.sha256)
    h.update(password.encode())
    return h.digest()


def fingerprint(user):
    return hashlib.sha256(user.password_hash.encode()).hexdigest()


def not_a_hash(form, password):
    form.update(password)
