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
