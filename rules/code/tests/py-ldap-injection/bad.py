import ldap
from flask import Flask, request

app = Flask(__name__)


@app.route("/user")
def user():
    conn = ldap.initialize("ldap://directory.internal")
    name = request.args["name"]
    # ruleid: code/py-ldap-injection
    return str(conn.search_s("ou=people,dc=example,dc=org", ldap.SCOPE_SUBTREE, "(uid=" + name + ")"))
