from django.shortcuts import render
from django.utils.safestring import mark_safe


def browser(request):
    # urlencode() told to keep < and > leaves markup in the text.
    # ruleid: code/py-mark-safe-user-input
    back = mark_safe("?" + request.GET.urlencode(safe="/<>"))
    # The query string as received, not encoded again.
    # ruleid: code/py-mark-safe-user-input
    raw = mark_safe(request.META.get("QUERY_STRING", ""))
    return render(request, "browser.html", {"back": back, "raw": raw})

