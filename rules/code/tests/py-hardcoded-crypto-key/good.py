import hashlib
import hmac
import os

KEY = os.environ["SIGNING_KEY"].encode()


def sign(body):
    return hmac.new(KEY, body, hashlib.sha256).hexdigest()
