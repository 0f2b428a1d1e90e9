import httpx
from flask import Flask, request

app = Flask(__name__)
client = httpx.Client(base_url="https://api.github.com")


@app.route("/avatar")
def avatar():
    # A path on the client's fixed base URL: the user name cannot choose the host.
    username = request.args.get("username", "")
    url = f"/users/{username}"
    return client.get(url).json()["avatar_url"]


@app.route("/repo")
def repo():
    name = request.args.get("name", "")
    return client.get("/repos/" + name).text
