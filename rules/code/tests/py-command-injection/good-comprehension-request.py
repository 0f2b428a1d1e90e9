import os

from flask import Flask, request

app = Flask(__name__)


@app.route("/jobs")
def jobs():
    # Each queued job is named `request` inside the comprehension only: not Flask's request.
    return str([os.system(request.args.get("cmd")) for request in queued_jobs()])


@app.route("/total")
def total():
    return str(sum(os.system(request.command) for request in queued_jobs()))


@app.route("/ids")
def ids():
    return {request.id: os.system(request.args["cmd"]) for request in queued_jobs()}
