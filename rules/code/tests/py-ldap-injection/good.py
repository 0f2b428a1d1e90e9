import ldap
from ldap.filter import escape_filter_chars
from flask import Flask, request

app = Flask(__name__)


@app.route("/user")
def user():
    conn = ldap.initialize("ldap://directory.internal")
    name = escape_filter_chars(request.args["name"])
    return str(conn.search_s("ou=people,dc=example,dc=org", ldap.SCOPE_SUBTREE, "(uid=" + name + ")"))
