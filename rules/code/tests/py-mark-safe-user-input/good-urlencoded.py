from urllib.parse import quote, urlencode

from django.shortcuts import render
from django.utils.safestring import mark_safe


def browser(request):
    # Percent-encoded: no <, >, quote or & entity can remain in the text marked safe.
    query = mark_safe(request.GET.urlencode())
    back = mark_safe("?next=" + quote(request.GET.get("next", "")))
    params = mark_safe(urlencode({"q": request.GET.get("q", "")}))
    return render(request, "browser.html", {"query": query, "back": back, "params": params})
