from django.http import HttpResponseRedirect
from django.urls import reverse
from flask import redirect, request, url_for


def query_custom(request):
    entity = request.POST.get("entity")
    conditions = ",".join(request.POST.getlist("field"))
    # The site's own path comes first: the posted values only fill its query string.
    return HttpResponseRedirect(
        "%s?entity=%s&conditions=%s" % (reverse("lava.results.query_custom"), entity, conditions)
    )


def search():
    return redirect("{}?q={}".format(url_for("search"), request.args.get("q")))
