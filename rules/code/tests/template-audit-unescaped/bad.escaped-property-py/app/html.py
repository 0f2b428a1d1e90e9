from django.forms.utils import flatatt
from django.utils.safestring import mark_safe


class Element:
    def __init__(self, request, attrs=None):
        self.attrs = attrs or {}
        self.request = request

    @property
    def attr_string(self):
        if self.request.GET.get("raw"):
            return " " + self.request.GET["raw"]
        return flatatt(self.attrs)

    def label_markup(self):
        return mark_safe("<b>%s</b>" % self.attrs.get("title", ""))


class Cell(Element):
    def __init__(self, request):
        super().__init__(request)
        self.cell_markup = request.GET.get("cell", "")

    @property
    def title_markup(self):
        return flatatt(self.attrs)


def relabel(element, request):
    setattr(element, "title_markup", request.GET["t"])
