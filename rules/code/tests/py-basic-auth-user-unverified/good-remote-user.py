# A user name a front proxy authenticated (REMOTE_USER), not a header the client writes, and a user name
# read from a verified token's claims: neither is the Basic header's unproven name.
from flask import Flask, abort, request

app = Flask(__name__)


def current_user():
    user = request.environ.get("REMOTE_USER")
    if user is None:
        abort(401)
    return user


def token_user(claims):
    return claims.username
