from django import forms
from django.utils.safestring import mark_safe


class PreviewInput(forms.TextInput):
    def render(self, name, value, attrs=None, renderer=None):
        # The value rendered is what the visitor submitted.
        # ruleid: code/py-xss-audit
        preview = mark_safe("<span>%s</span>" % value)
        label = self.attrs.get("label", "")
        if value:
            label = value
        # ruleid: code/py-xss-audit
        caption = mark_safe("<em>%s</em>" % label)
        return forms.TextInput.render(self, name, value, attrs, renderer=renderer) + preview + caption
