from django import template

from classes.chat import notices

register = template.Library()


@register.filter
def shown_to(message, user):
    """A message's text and link as `user` reads it: system notices are worded
    in the active language, for that reader (classes/chat/notices.py)."""
    return notices.shown(message, user.pk)
