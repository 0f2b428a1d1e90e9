from django.shortcuts import render
from django.utils.html import format_html
from django.utils.safestring import mark_safe


def profile(request):
    bio = request.POST.get("bio", "")
    badge = mark_safe("<span class='badge'>new</span>")
    return render(request, "profile.html", {"bio": format_html("<div>{}</div>", bio), "badge": badge})
