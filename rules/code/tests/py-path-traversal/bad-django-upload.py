import os

from django.http import JsonResponse
from flask import Flask, request

UPLOADS = "/srv/uploads"
app = Flask(__name__)


# The name the form sends beside the file is the client's own text.
def upload(request):
    f = request.FILES["file"]
    # ruleid: code/py-path-traversal
    with open(os.path.join(UPLOADS, request.POST["name"]), "wb+") as out:
        for chunk in f.chunks():
            out.write(chunk)
    return JsonResponse({"ok": True})


# Flask's (Werkzeug's) `filename` is the client's name as sent, `../` and all.
@app.route("/upload", methods=["POST"])
def flask_upload():
    f = request.files["file"]
    # ruleid: code/py-path-traversal
    with open(os.path.join(UPLOADS, f.filename), "wb") as out:
        out.write(f.read())
    return "ok"


# The file's name replaced by the form's text before the join.
def rename_upload(request):
    f = request.FILES["file"]
    f.name = request.POST["name"]
    # ruleid: code/py-path-traversal
    with open(os.path.join(UPLOADS, f.name), "wb+") as out:
        out.write(f.read())
    return JsonResponse({"ok": True})
