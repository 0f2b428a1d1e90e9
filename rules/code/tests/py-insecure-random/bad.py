import hashlib
import time
import random
import string


def make_token():
    # ruleid: code/py-insecure-random
    return "".join(random.choice(string.ascii_letters) for _ in range(32))


def reset(user):
    # ruleid: code/py-insecure-random
    user.reset_token = random.getrandbits(128)


class TokenFactory:
    def _next_unpredictable_id(self):
        # ruleid: code/py-insecure-random
        x = random.random() + time.time() % 1.0
        return hashlib.sha1(repr(x).encode()).hexdigest()


class ResetCodeGenerator:
    def next_unpredictable_code(self):
        # ruleid: code/py-insecure-random
        n = random.randint(0, 10**6)
        return str(n).zfill(6)


class PasswordResetTokenGenerator:
    def make(self, user):
        # ruleid: code/py-insecure-random
        n = random.getrandbits(64)
        return "%s-%x" % (user.pk, n)


def passwd(user):
    # A password (or a token salted or not) must not be guessed.
    # ruleid: code/py-insecure-random
    user.salted_password = "%x" % random.getrandbits(64)
