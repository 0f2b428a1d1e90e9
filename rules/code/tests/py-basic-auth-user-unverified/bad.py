# The Basic header's user name becomes the caller's identity, and no code of the module reads its password:
# `Authorization: Basic` with `admin:` and anything after the colon is the administrator.
import base64

import werkzeug.http
from flask import Flask, abort, request

app = Flask(__name__)


class BasicAuthHelper(object):
    @staticmethod
    def get_current_user(request):
        hdr = request.headers.get("Authorization")
        auth = werkzeug.http.parse_authorization_header(hdr)
        if auth is None:
            abort(401)
        # ruleid: code/py-basic-auth-user-unverified
        return auth.username

    def get_auth_info(self, request):
        user = self.get_current_user(request)
        return {"user": user, "roles": ["admin"] if user == "admin" else []}


@app.route("/reports")
def reports():
    # ruleid: code/py-basic-auth-user-unverified
    owner = request.authorization.username
    return {"owner": owner}


def user_from_header(environ):
    header = environ.get("HTTP_AUTHORIZATION", "")
    if not header.startswith("Basic "):
        return None
    # ruleid: code/py-basic-auth-user-unverified
    return base64.b64decode(header[6:]).decode("utf-8").split(":")[0]


def tenant_of(request):
    raw = request.headers["Authorization"].split(" ", 1)[1]
    # ruleid: code/py-basic-auth-user-unverified
    tenant, _ = base64.b64decode(raw).decode().split(":", 1)
    return tenant
