from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _


def render_status(instance):
    # The tooltip is the instance's own name: data, not the code's text.
    if instance.locked:
        help_tooltip = instance.name
    else:
        help_tooltip = _("This instance is unlocked.")
    status = '<span title="{}"></span>'.format(help_tooltip)
    # ruleid: code/py-xss-audit
    return mark_safe(status)


def render_label(instance):
    # A translation of data is data.
    label = _(instance.label)
    html = '<span class="badge">{}</span>'.format(label)
    # ruleid: code/py-xss-audit
    return mark_safe(html)


def render_appended(instance):
    html = '<span class="badge">{}</span>'.format(_("New"))
    html += instance.note
    # ruleid: code/py-xss-audit
    return mark_safe(html)


def render_call(instance):
    html = '<span>{}</span>'.format(instance.describe())
    # ruleid: code/py-xss-audit
    return mark_safe(html)
