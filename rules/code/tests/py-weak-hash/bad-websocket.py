import base64
import hashlib
from hashlib import sha1

# A GUID of the application's own, not the WebSocket protocol's.
INSTALL_GUID = "6f1c2c9e-3b8e-4d53-9a52-4f0f6f2b8a11"
WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


def sign(payload):
    # an audit lead only (code/py-audit-weak-hash): what a user signs on with is not named here
    return sha1((payload + INSTALL_GUID).encode()).hexdigest()


def verify(body, secret):
    # The module holds the WebSocket GUID, but this digest's input does not name it.
    # an audit lead only (code/py-audit-weak-hash): what a user signs on with is not named here
    return hashlib.sha1(body + secret).hexdigest()


def signed_accept(key):
    # an audit lead only (code/py-audit-weak-hash): what a user signs on with is not named here
    return base64.b64encode(hashlib.md5((key + WS_GUID).encode()).digest())
