from django.conf import settings
from django.shortcuts import redirect, render


def home(request):
    return render(request, "home.html", {"banner": settings.BANNER_HTML, "footer": settings.FOOTER_HTML})


def save_banner(request):
    setattr(settings, "BANNER_HTML", request.POST["banner"])
    return redirect("/")
