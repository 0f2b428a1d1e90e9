from django.shortcuts import render
from django.utils.safestring import mark_safe


def profile(request):
    bio = request.POST.get("bio", "")
    # ruleid: code/py-mark-safe-user-input
    return render(request, "profile.html", {"bio": mark_safe("<div>" + bio + "</div>")})
