from django.http import JsonResponse
from django.views.decorators.csrf import csrf_protect
from flask import Flask
from flask_wtf.csrf import CSRFProtect

app = Flask(__name__)
csrf = CSRFProtect(app)
app.config["WTF_CSRF_ENABLED"] = True


@csrf_protect
def transfer(request):
    return JsonResponse({"ok": True})
