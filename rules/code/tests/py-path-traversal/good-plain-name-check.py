import os

from flask import Flask, send_file

app = Flask(__name__)
IMAGES = "/srv/images"


def safe_filename(fn):
    # A separator or an absolute name changes the base name; `.` and `..` are refused apart.
    if os.path.basename(fn) != fn:
        return False
    if fn in (".", ".."):
        return False
    return True


def image_path(image_id):
    parts = image_id.split("-")
    name = "-".join(parts[2:])
    if not safe_filename(name):
        return None
    return os.path.join(IMAGES, name)


@app.route("/images/<image_id>/file")
def image_file(image_id):
    path = image_path(image_id)
    if not path:
        return "not found", 404
    return send_file(path)


@app.route("/thumbs/<name>")
def thumb(name):
    if safe_filename(name):
        return send_file(os.path.join(IMAGES, "thumbs", name))
    return "bad name", 400
