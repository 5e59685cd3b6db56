"""The picture guide of Harbor: five small panels, one picture and one sentence
each, for a beginning reader. Each panel has its own URL (/welcome/guide/<name>/)
so "Next" is a plain link: no JavaScript."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Panel:
    name: str
    title: str
    sentence: str

    @property
    def picture(self):
        """A hand-drawn SVG of a few hundred bytes (learning/static/harbor/guide/)."""
        return f"harbor/guide/{self.name}.svg"


PANELS = (
    Panel(
        "home",
        _("Your home"),
        _("Your home page shows your class, this week's packet and the work that is due."),
    ),
    Panel(
        "packet",
        _("A packet"),
        _("A packet is the lesson of the week: read it, listen to it and learn its new words."),
    ),
    Panel(
        "work",
        _("Your work"),
        _("Open an assignment, write, take a photo or record your voice, then send it."),
    ),
    Panel(
        "chat",
        _("Chat"),
        _("Chat in English with your class. Your teacher reads the chat too."),
    ),
    Panel(
        "flashcards",
        _("Flashcards"),
        _("Flashcards help you remember new words. Practise a few every day."),
    ),
)


def panel_named(name):
    """(position from 1, panel, the next panel or None), or None for no such panel."""
    names = [panel.name for panel in PANELS]
    if name not in names:
        return None
    index = names.index(name)
    following = PANELS[index + 1] if index + 1 < len(PANELS) else None
    return index + 1, PANELS[index], following
