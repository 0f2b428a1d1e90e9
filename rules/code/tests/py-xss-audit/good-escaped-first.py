from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter(needs_autoescape=True)
def snip_signature(content, autoescape=True):
    # Escaped first, then wrapped in the filter's own markup.
    if autoescape:
        content = conditional_escape(content)
    content = content.replace("-- \n", '<div class="signature">-- </div>\n')
    return mark_safe(content)
