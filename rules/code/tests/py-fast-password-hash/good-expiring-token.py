import hashlib
import hmac
import time

# A reset link's token made from the stored password and a value that changes (the last login, the clock): the next
# login, change of the password or the time voids it. A stored password hash can hold no value that changes: the
# login recomputes it from the password and a fixed salt.


def reset_token(user, secret):
    return hmac.new(secret, (user.password + str(user.last_login)).encode(), hashlib.sha256).hexdigest()


def expiring_digest(user):
    return hashlib.sha256(f"{user.password}:{int(time.time())}".encode()).hexdigest()
