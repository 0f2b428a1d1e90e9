import hashlib
import hmac


def sign(body):
    # ruleid: code/py-hardcoded-crypto-key
    return hmac.new(b"not-a-real-key-for-tests", body, hashlib.sha256).hexdigest()
