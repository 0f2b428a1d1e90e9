import httpx
from flask import Flask, request

app = Flask(__name__)
client = httpx.Client()


@app.route("/proxy")
def proxy():
    target = request.args.get("target", "")
    # A scheme-relative URL names its own host.
    # ruleid: code/py-ssrf
    page = client.get(f"//{target}/status").text
    # A bare slash before the value: '/' + '/evil.example' is //evil.example.
    # ruleid: code/py-ssrf
    other = client.get("/" + target).text
    return page + other
