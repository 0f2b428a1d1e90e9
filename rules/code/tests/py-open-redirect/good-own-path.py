import tornado.web
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.views.generic import FormView


class AppView(FormView):
    """A class-based view: the URL table routes `^apps/<name>/$` here, so the path starts with /apps/."""

    def enable_disable_form_valid(self, form):
        form.save()
        return HttpResponseRedirect(self.request.path)


class NamedTerminalHandler(tornado.web.RequestHandler):
    @tornado.web.authenticated
    def get(self):
        name = self.application.terminals.create()
        self.redirect(self.request.path.replace("terminals/new", "terminals/" + name))


def redirect_lists(request):
    """A function view: the old `/lists/` address of a list, moved to `/list/`."""
    return redirect(request.path.replace("/lists/", "/list/", 1))


def redirect_list_id(request, list_id):
    """The old address of a list, with the request's query string kept after the `?`."""
    url = request.path.replace(list_id, "list", 1)
    if request.GET:
        url = "%s?%s" % (url, request.GET.urlencode())
    return redirect(url)


def search_again(request):
    return redirect("{}?{}".format(request.path, request.GET.urlencode()))
