"""System notices in class chat ("New packet: …", breakout groups opened) are
stored as a kind and its parameters and worded when shown: in the reader's
language (the active one), and for breakouts, for the reader. The message's
`text` keeps the English wording: for exports, and as the fallback for notices
stored before they had a kind or of a kind this version does not know."""

from dataclasses import dataclass

from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

NEW_PACKET = "new_packet"
NEW_ASSIGNMENT = "new_assignment"
BREAKOUT_OPENED = "breakout_opened"


# A title or name inside a right-to-left sentence (an English packet title in
# an Arabic notice) keeps its own direction: Unicode's first-strong isolate, the
# plain-text <bdi> (notices are shown as text, never HTML). Left-to-right
# wording (and so the stored English text) is left as it is.
def isolated(text):
    return f"\u2068{text}\u2069" if get_language_bidi() else text


@dataclass(frozen=True)
class Worded:
    text: str
    link: str


def worded(notice, params, link, reader_id):
    """A notice as `reader_id` reads it, in the active language; None for a
    notice that is not one of these kinds (its stored text is shown)."""
    try:
        if notice == NEW_PACKET:
            title = isolated(params["title"])
            return Worded(_("New packet: %(title)s") % {"title": title}, link)
        if notice == NEW_ASSIGNMENT:
            title = isolated(params["title"])
            return Worded(_("New assignment: %(title)s") % {"title": title}, link)
        if notice == BREAKOUT_OPENED:
            return breakout_worded(params, reader_id)
    except (KeyError, TypeError):
        return None  # parameters of another shape: the stored text still reads
    return None


def shown(message, reader_id):
    """What a reader sees of a message: its text and link, a notice worded for them."""
    if message.notice:
        notice = worded(message.notice, message.notice_params, message.link, reader_id)
        if notice is not None:
            return notice
    return Worded(message.text, message.link)


def breakout_params(cohort, groups):
    """`groups`: (group, its students) pairs. Who is in which group, by id only:
    no name is kept in the notice (an erased student's must not live on in it)."""
    return {
        "class": cohort.pk,
        "groups": [
            {"id": group.pk, "name": group.name, "members": [s.pk for s in students]}
            for group, students in groups
        ],
    }


def breakout_worded(params, reader_id):
    for group in params["groups"]:
        if reader_id in group["members"]:
            return Worded(
                _("You are in %(group)s. Open it to talk with your group.")
                % {"group": isolated(group["name"])},
                f"/classes/{params['class']}/groups/{group['id']}/chat/",
            )
    return Worded(_("Breakout groups are open."), "")
