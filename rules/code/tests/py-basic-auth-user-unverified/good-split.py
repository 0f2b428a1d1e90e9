# The decoded header split into both parts, the second compared; and a base64 value split at ':' that is not
# the Authorization header.
import base64
import hmac

ACCOUNTS = {}


def login(headers):
    raw = headers.get("Authorization", "")[6:]
    name, secret = base64.b64decode(raw).decode().split(":", 1)
    want = ACCOUNTS.get(name)
    if want is None or not hmac.compare_digest(want, secret):
        return None
    return name


def host_of(token):
    return base64.b64decode(token).decode().split(":")[0]
