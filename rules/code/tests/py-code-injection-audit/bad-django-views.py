from django.conf import settings
from django.http import HttpResponse

# A views module that reads settings is not a settings module: no INSTALLED_APPS of its own.
APPS = settings.INSTALLED_APPS


def calculate(request):
    # ruleid: code/py-code-injection-audit
    return HttpResponse(str(eval(request.GET["expr"])))


def report(request, template):
    # ruleid: code/py-code-injection-audit
    return HttpResponse(eval(template))
