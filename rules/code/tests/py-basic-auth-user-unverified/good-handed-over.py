# The whole parsed credentials are handed to a checker of another module, which reads the password there.
from flask import Flask, abort, request

from .security import authenticate

app = Flask(__name__)


@app.route("/reports")
def reports():
    auth = request.authorization
    if not auth or not authenticate(auth):
        abort(401)
    return {"owner": auth.username}
