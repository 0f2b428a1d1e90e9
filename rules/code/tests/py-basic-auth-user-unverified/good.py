# The password is checked in the same module before the user name is trusted.
import hmac

from flask import Flask, abort, request

app = Flask(__name__)
USERS = {}


def check_credentials(name, secret):
    expected = USERS.get(name)
    return expected is not None and hmac.compare_digest(expected, secret)


@app.route("/reports")
def reports():
    auth = request.authorization
    if auth is None or not check_credentials(auth.username, auth.password):
        abort(401)
    return {"owner": auth.username}
