from functools import wraps

from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST


def key_and_ip_auth(func):
    @wraps(func)
    def check(request, *args, **kwargs):
        if request.GET.get("key") != settings.ARCHIVER_KEY:
            return HttpResponseForbidden()
        return func(request, *args, **kwargs)

    return check


# Called server to server with a shared key, not with a browser's cookies.
@require_POST
@key_and_ip_auth
@csrf_exempt
def archive(request):
    return HttpResponse("ok")


@api_key_required
@csrf_exempt
def ingest(request):
    return HttpResponse("ok")
