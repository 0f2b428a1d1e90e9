from django.http import HttpResponseRedirect
from django.urls import reverse


def query_custom(request):
    entity = request.POST.get("entity")
    # The request's value comes first: it chooses the host.
    # ruleid: code/py-open-redirect
    return HttpResponseRedirect("%s%s?entity=x" % (entity, reverse("lava.results.query_custom")))


def after(request):
    nxt = request.GET.get("next")
    # ruleid: code/py-open-redirect
    return HttpResponseRedirect("%s/%s" % (nxt, reverse("home")))


def jump(request):
    # The site's path first, but the request's value joined straight to it: with `reverse("home")` giving
    # "/", `path=/evil.example` makes "//evil.example", another host.
    # ruleid: code/py-open-redirect
    return HttpResponseRedirect("%s%s" % (reverse("home"), request.GET.get("path", "")))


def jump_format(request):
    # ruleid: code/py-open-redirect
    return HttpResponseRedirect("{}/{}".format(reverse("home"), request.GET["path"]))
