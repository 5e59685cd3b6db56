"""Card text made safe and shared by the exports."""

import re

import nh3
from django.utils.html import escape

from learning.languages import LANGUAGES

# Formatting a teacher may mean; everything else (script, style, links,
# attributes, event handlers) is removed before it reaches a student's Anki.
ALLOWED_TAGS = {"b", "i", "em", "strong", "u", "br", "sub", "sup"}


def safe_html(text):
    return nh3.clean(text or "", tags=ALLOWED_TAGS, attributes={})


def one_line(text):
    """Tabs and line breaks inside a field would start a new Quizlet column or card."""
    return re.sub(r"\s+", " ", text or "").strip()


def translation_for(card, language):
    """The card's translation in `language`; for English speakers (teachers)
    or when there is none in their language, every translation, named."""
    own = card.translation_in(language)
    if own:
        return [(language, own)]
    if language and language != "en":
        return []
    return list(card.translations)


def translation_html(card, language):
    names = dict(LANGUAGES)
    pairs = translation_for(card, language)
    if len(pairs) == 1 and pairs[0][0] == language:
        return f'<div dir="auto">{safe_html(pairs[0][1])}</div>'
    return "".join(
        f'<div dir="auto">{escape(names.get(code, code))}: {safe_html(text)}</div>'
        for code, text in pairs
    )
