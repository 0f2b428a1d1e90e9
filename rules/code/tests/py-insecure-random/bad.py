import random
import string


def make_token():
    # ruleid: code/py-insecure-random
    return "".join(random.choice(string.ascii_letters) for _ in range(32))


def reset(user):
    # ruleid: code/py-insecure-random
    user.reset_token = random.getrandbits(128)
