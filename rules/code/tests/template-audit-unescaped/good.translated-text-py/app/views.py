from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from django.views.generic import TemplateView


class AboutView(TemplateView):
    """A page of the program's own translated paragraphs, with links in them."""

    template_name = "about.html"
    paragraphs = [
        _('Browse <a href="/help/">the manual</a> '
          'for more.'),
        _("Settings are kept on this machine only."),
    ]
    notes = (_("<em>Restart</em> to apply."),)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["paragraphs"] = self.paragraphs
        context["notes"] = self.notes
        return context


def welcome(request):
    return render(
        request,
        "about.html",
        {"intro": pgettext("welcome page", "<strong>Welcome</strong> back."), "user": request.user},
    )
