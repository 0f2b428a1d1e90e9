from flask import Flask, make_response, request

app = Flask(__name__)


def error(status, title, detail):
    # Flask's make_response turns a dictionary into a JSON response (application/json).
    document = {"errors": [{"status": status, "title": title, "detail": detail}]}
    return make_response(document, status)


@app.route("/tracks/<track_id>")
def track(track_id):
    return error("404 Not Found", "No track", "No track with an id of {}".format(track_id))


@app.route("/search")
def search():
    q = request.args.get("q", "")
    return make_response({"query": q, "results": []})


@app.route("/tags")
def tags():
    names = [request.args.get("tag", "")]
    return make_response(names, 200)
