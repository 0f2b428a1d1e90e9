import requests
from flask import Flask, Response, request

app = Flask(__name__)


# The URL the request names is fetched and its answer served from this origin: the request chose the page.
@app.route("/fetch")
def fetch():
    headers = {"If-None-Match": request.headers.get("If-None-Match", "")}
    resp = requests.get(request.args["url"], headers=headers, timeout=5)
    # ruleid: code/py-xss-response
    return Response(resp.content)
