from flask import Flask, request

app = Flask(__name__)


@app.before_request
def authorize():
    username = request.values["u"]
    # ruleid: code/py-password-in-query
    password = request.values["p"]
    if not check_login(username, password):
        return "denied", 401


@app.route("/login")
def login():
    # ruleid: code/py-password-in-query
    if check_login(request.args.get("user"), request.args.get("password")):
        return "ok"
    return "denied", 401


def check_login(user, password):
    return user == "admin" and password is not None
