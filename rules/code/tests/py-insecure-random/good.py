import random
import secrets


def make_token():
    return secrets.token_urlsafe(32)


def shuffle_cards(cards):
    delay = random.uniform(0.1, 0.5)
    random.shuffle(cards)
    return delay


class TokenBucket:
    """A rate limiter: the jitter only spreads retries, nobody needs to guess it."""

    def refill(self):
        jitter = random.uniform(0, 0.1)
        return self.rate + jitter


class TokenFactory:
    def _next_unpredictable_id(self):
        return secrets.token_hex(20)


def passwd(passphrase, salt_len=12):
    # A salt is stored beside the hash: it must differ from the others, not be unguessable.
    salt = ("%0" + str(salt_len) + "x") % random.getrandbits(4 * salt_len)
    return salt + ":" + passphrase


def new_salt():
    return random.getrandbits(64)
