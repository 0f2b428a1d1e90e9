import random
import secrets


def make_token():
    return secrets.token_urlsafe(32)


def shuffle_cards(cards):
    delay = random.uniform(0.1, 0.5)
    random.shuffle(cards)
    return delay
