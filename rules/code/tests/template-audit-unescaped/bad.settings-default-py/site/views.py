from django.conf import settings
from django.shortcuts import render
from flask import current_app, request


def home(request):
    # The setting is read under a fixed key, but while it is unset, the default, the value is the request's.
    return render(request, "home.html", {"notice": current_app.config.get("NOTICE", request.GET.get("notice"))})


def banner(request):
    # A setting read under a fixed key, given to a template that includes another one with a value of its own.
    return render(request, "page.html", {"headline": settings.SITE_HEADLINE, "motto": settings.SITE_MOTTO})
