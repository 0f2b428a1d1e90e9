import os
import tempfile

from django.http import JsonResponse

UPLOADS = "/srv/uploads"


# Django's uploaded file name is a base name: the multipart parser keeps what follows the last '/' or '\' and
# refuses '', '.' and '..' (MultiPartParser.sanitize_file_name, UploadedFile's name setter).
def upload(request):
    f = request.FILES["file"]
    with open(os.path.join(UPLOADS, f.name), "wb+") as out:
        for chunk in f.chunks():
            out.write(chunk)
    return JsonResponse({"ok": True})


def save_upload(f):
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, f.name)
    with open(path, "wb+") as out:
        for chunk in f.chunks():
            out.write(chunk)
    return path


def plugin_upload(request):
    return JsonResponse({"path": save_upload(request.FILES["file"])})
