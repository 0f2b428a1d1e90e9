from django.http import HttpResponse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from markupsafe import Markup, escape


def greeting(name, rendered):
    label = mark_safe("<b>static</b>")
    title = Markup(f"<h1>{escape(name)}</h1>")
    html = format_html("<p>Hello {}</p>", name)
    return HttpResponse(rendered), label, title, html


def jsonp(callback, data):
    # A JSONP answer is served as JavaScript, not rendered as a page.
    return HttpResponse("%s(%s)" % (callback, data), content_type="text/javascript")
