from django import forms
from django.utils.safestring import mark_safe


class TextInputWithButton(forms.TextInput):
    def render(self, name, value, attrs=None, renderer=None):
        # The form's code gives the widget its button_text attribute.
        button_text = self.attrs.pop("button_text", "")
        field = forms.TextInput.render(self, name, value, attrs, renderer=renderer)
        button = mark_safe('<button type="submit">%s</button>' % button_text)
        return field + button
