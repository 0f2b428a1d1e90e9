from django.http import HttpResponse
from django.utils.safestring import mark_safe
from markupsafe import Markup


def greeting(name, bio):
    # ruleid: code/py-xss-audit
    label = mark_safe(bio)
    # ruleid: code/py-xss-audit
    title = Markup(f"<h1>{name}</h1>")
    # ruleid: code/py-xss-audit
    return HttpResponse("<p>Hello " + name + "</p>"), label, title


def page(title):
    # ruleid: code/py-xss-audit
    return HttpResponse("<h1>%s</h1>" % title, content_type="text/html")
