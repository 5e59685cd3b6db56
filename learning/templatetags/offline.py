"""The words offline.js shows, in the reader's language."""

from django import template
from django.utils.html import json_script
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def offline_strings():
    return json_script(
        {
            "saving": _("Saving…"),
            "saved": _("Saved on this phone"),
            "failed": _("Could not save it. Check the connection and try again."),
            "none": _("Nothing is saved on this phone yet."),
            "remove": _("Remove"),
        },
        "offline-strings",
    )
