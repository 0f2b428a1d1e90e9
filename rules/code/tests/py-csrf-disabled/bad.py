from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from flask import Flask
from flask_wtf.csrf import CSRFProtect

app = Flask(__name__)
csrf = CSRFProtect(app)
# ruleid: code/py-csrf-disabled
app.config["WTF_CSRF_ENABLED"] = False


# ruleid: code/py-csrf-disabled
@csrf_exempt
def transfer(request):
    return JsonResponse({"ok": True})


# ruleid: code/py-csrf-disabled
@csrf.exempt
@app.route("/pay", methods=["POST"])
def pay():
    return "ok"


# A view that names sign-on only in passing is still a cookie-session form.
# ruleid: code/py-csrf-disabled
@csrf_exempt
def update_sso_settings(request):
    request.user.profile.sso_enabled = request.POST.get("enabled") == "on"


# ruleid: code/py-csrf-disabled
@csrf_exempt
def sso_settings_update(request):
    request.user.profile.sso_enabled = request.POST.get("enabled") == "on"
