from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def quote_block(content, author):
    # Another value is escaped; the content is marked safe as it came.
    author = conditional_escape(author)
    html = "<blockquote>%s</blockquote><cite>%s</cite>" % (content, author)
    # ruleid: code/py-xss-audit
    return mark_safe(html)


@register.filter
def raw_block(content):
    # ruleid: code/py-xss-audit
    return mark_safe(content)
