from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from .texts import tr


class AboutView(TemplateView):
    template_name = "about.html"
    paragraphs = [_("Settings are kept on this machine only.")]
    # A project helper that only looks like a translation.
    notes = [tr("<b>Notes</b>")]
    tips = [_("Press <kbd>?</kbd> for help.")]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["paragraphs"] = self.paragraphs
        context["notes"] = self.notes
        context["tips"] = self.tips
        context["lines"] = self.request.GET.getlist("line")
        return context


class CustomAboutView(AboutView):
    # A subclass gives the same attribute the visitor's text.
    def get(self, request, *args, **kwargs):
        self.tips = request.GET.getlist("tip")
        return super().get(request, *args, **kwargs)


def welcome(request):
    return render(request, "about.html", {"intro": _(request.GET.get("greeting", ""))})
