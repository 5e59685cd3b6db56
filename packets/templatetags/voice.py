from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def spoken(context, text):
    """The generated audio's URL for `text` on this page, or "" while there is
    none (not spoken yet, or no voice): then no player is shown at all."""
    voices = context.get("voices")
    return voices.url_for(text) if voices else ""
