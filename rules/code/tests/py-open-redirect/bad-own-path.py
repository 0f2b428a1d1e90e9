from django.http import HttpResponseRedirect
from django.utils.deprecation import MiddlewareMixin


class AppendSlashMiddleware(MiddlewareMixin):
    """Every path passes through a middleware, `//evil.example` too."""

    def process_request(self, request):
        if not request.path.endswith("/"):
            # ruleid: code/py-open-redirect
            return HttpResponseRedirect(request.path + "/")
        return None


def slash_middleware(get_response):
    def middleware(request):
        if not request.path.endswith("/"):
            # ruleid: code/py-open-redirect
            return HttpResponseRedirect(request.path + "/")
        return get_response(request)

    return middleware


class ProfileView:
    """A plain class (not a view or a handler) with a helper given any request."""

    def back(self, request):
        # ruleid: code/py-open-redirect
        return HttpResponseRedirect(request.GET["next"] or request.path)


def rename_list(request):
    """The path with request data put into it."""
    # ruleid: code/py-open-redirect
    return HttpResponseRedirect(request.path.replace("/old/", request.GET["to"]))


def query_first(request):
    """The request's value before the `?`: it chooses the host."""
    # ruleid: code/py-open-redirect
    return HttpResponseRedirect("%s?%s" % (request.GET["next"], request.path))


def format_first(request):
    # ruleid: code/py-open-redirect
    return HttpResponseRedirect("{}?{}".format(request.GET["next"], request.path))
