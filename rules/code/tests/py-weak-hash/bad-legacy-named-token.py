import hashlib
import secrets

import bcrypt


def hash_password(password):
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt())


def sha1_reset_token(user_id):
    """Named for its algorithm beside a slow password scheme, but no password goes in: a token made today."""
    nonce = secrets.token_hex(4)
    # ruleid: code/py-weak-hash
    return hashlib.sha1((str(user_id) + nonce).encode()).hexdigest()
