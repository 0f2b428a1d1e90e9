import requests
from flask import Flask, Response, request

app = Flask(__name__)


# A proxy of a fixed upstream that forwards the browser's conditional-GET headers: those choose among what
# the upstream serves (a 304 or the body), they do not write the body.
@app.route("/avatar")
def avatar():
    headers = {"If-None-Match": request.headers.get("If-None-Match", "")}
    resp = requests.get("https://avatars.example.com/default.png", headers=headers, timeout=5)
    return Response(resp.content, status=resp.status_code)
