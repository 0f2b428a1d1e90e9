from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe


class Element:
    def __init__(self, attrs=None):
        self.attrs = attrs or {}

    # Every attribute value is escaped by flatatt.
    @property
    def attr_string(self):
        return flatatt(self.attrs)

    def label_markup(self):
        if not self.attrs:
            return ""
        return mark_safe(format_html("<b>{}</b>", self.attrs.get("title", "")))
