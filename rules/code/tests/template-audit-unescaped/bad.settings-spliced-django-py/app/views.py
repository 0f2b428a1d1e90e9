from django.conf import settings
from django.views.generic import TemplateView


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["banner"] = settings.BANNER_HTML
        return context


class PreviewView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Every query parameter becomes a context name: ?banner=<script>… replaces the setting.
        context.update(self.request.GET.dict())
        return context
