import os
import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/user")
def user():
    uid = request.args.get("id")
    return requests.get(f"https://api.example.com/users/{uid}", timeout=5).text


# An absolute path of this machine holds no scheme or host: the request goes to the fixed server.
@app.route("/mirror")
def mirror():
    path = os.path.realpath(request.args["path"])
    return requests.get("http://files.internal" + path).text
