import hashlib
import random
import time


class TokenFactory:
    def _next_unpredictable_id(self):
        # SHA-1 only formats a drawn number into the token (the generator is another rule's finding).
        right_now = time.time()
        x = random.random() + right_now % 1.0 + time.process_time() % 1.0
        return hashlib.sha1(repr(x).encode("utf-8")).hexdigest()
