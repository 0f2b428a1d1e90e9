import base64
from hashlib import sha1


class WebSocketHandshake:
    GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    def __init__(self, key):
        self._key = key

    def accept_value(self):
        # Sec-WebSocket-Accept, as RFC 6455 defines it.
        return base64.b64encode(sha1((self._key + self.GUID).encode("ascii")).digest())


def server_accept(key):
    return base64.b64encode(sha1((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest())
