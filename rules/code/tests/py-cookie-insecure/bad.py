from flask import Flask, make_response

app = Flask(__name__)

# ruleid: code/py-cookie-insecure
SESSION_COOKIE_SECURE = False


@app.route("/login", methods=["POST"])
def login():
    resp = make_response("ok")
    # ruleid: code/py-cookie-insecure
    resp.set_cookie("sid", "abc", httponly=True)
    return resp
