from flask import Flask, request

app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    password = request.form["password"]
    if check_login(request.form.get("user"), password):
        return "ok"
    return "denied", 401


@app.route("/reset")
def reset():
    # A one-time token in a link is the link's purpose.
    token = request.args.get("token")
    page = request.args.get("page")
    return render_reset(token, page)


def check_login(user, password):
    return user == "admin" and password is not None


def render_reset(token, page):
    return f"{token}{page}"
