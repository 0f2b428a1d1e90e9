from django.conf import settings
from django.http import HttpResponse


def save_footer(request):
    for name in ("FOOTER_HTML", "FOOTER_LINKS"):
        setattr(settings, name, request.POST.get(name.lower(), ""))
    return HttpResponse("ok")
