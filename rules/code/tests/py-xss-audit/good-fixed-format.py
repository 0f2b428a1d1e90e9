from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _


def render_locked(instance):
    # Each branch sets fixed classes and a translated literal; the markup is formatted from those alone.
    if instance.locked:
        icon_classes = "fa fa-fw fa-lock"
        help_tooltip = _("This instance is currently locked. To enable more "
                         "actions on it, unlock it first.")
    else:
        icon_classes = "fa fa-fw fa-unlock text-muted"
        help_tooltip = _("This instance is unlocked.")
    locked_status = ('<span data-toggle="tooltip" title="{}" class="{}">'
                     '</span>').format(help_tooltip, icon_classes)
    return mark_safe(locked_status)


def badge(kind):
    label = _("New")
    html = '<span class="badge">{}</span>'.format(label)
    return mark_safe(html)
