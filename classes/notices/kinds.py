"""How each kind of notice reads: worded when shown, in the active language (the
reader's: the page's, or the email's `translation.override`). A notice keeps
only its kind and parameters, so one published in English reads in Dari to a
Dari reader. Titles and class names are teacher-written English: in HTML they
are marked `<bdi lang="en" dir="ltr">`, in plain text (email) isolated with
Unicode's first-strong isolate, as chat notices are."""

from datetime import date, datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from classes.chat.notices import isolated
from classes.models import NoticeKind
from classes.models.submissions import FeedbackStatus

# The one format every page shows a session's time in ("Wed 23 Dec, 18:00").
WHEN = "D j M, H:i"


def when(value):
    return date_format(timezone.localtime(datetime.fromisoformat(value)), WHEN)


def day(value):
    return date_format(date.fromisoformat(value), "DATE_FORMAT")


class Words:
    """Fills a sentence: escaped and marked in HTML, isolated in plain text."""

    def __init__(self, html):
        self.html = html

    def english(self, text):
        if self.html:
            return format_html('<bdi lang="en" dir="ltr">{}</bdi>', text)
        return isolated(text)

    def __call__(self, sentence, **values):
        if not self.html:
            return sentence % values
        values = {name: conditional_escape(value) for name, value in values.items()}
        return mark_safe(escape(sentence) % values)


def reading_day():
    """The day a notice is read (or its email sent): "today" means this day."""
    return timezone.localdate()


def session_tonight(p, w):
    """Sent the morning of the session: "Class today". Read on another day (the
    list keeps it), the sentence names the session's day instead."""
    starts = timezone.localtime(datetime.fromisoformat(p["starts_at"]))
    values = {"class": w.english(p["class"]), "time": date_format(starts, "H:i")}
    place = {"place": w.english(p["place"])} if p.get("place") else {}
    if starts.date() == reading_day():
        if place:  # in person or hybrid: where to go, in the teacher's English
            return w(_("Class today: %(class)s at %(time)s. Where: %(place)s."), **values, **place)
        return w(_("Class today: %(class)s at %(time)s."), **values)
    values["day"] = date_format(starts, "D j M")
    if place:
        return w(_("Class on %(day)s: %(class)s at %(time)s. Where: %(place)s."), **values, **place)
    return w(_("Class on %(day)s: %(class)s at %(time)s."), **values)


def session_cancelled(p, w):
    return w(
        _("%(class)s: the session on %(when)s is cancelled."),
        **{"class": w.english(p["class"]), "when": when(p["starts_at"])},
    )


def session_changed(p, w):
    values = {"class": w.english(p["class"]), "when": when(p["starts_at"])}
    if p.get("was"):
        sentence = _("%(class)s: the session on %(was)s moved to %(when)s.")
        values["was"] = when(p["was"])
    else:
        sentence = _("%(class)s: the session on %(when)s is on again.")
    if p.get("place"):  # in person or hybrid: where to go, as with "Class today"
        return w(
            _("%(change)s Where: %(place)s."),
            change=w(sentence, **values),
            place=w.english(p["place"]),
        )
    return w(sentence, **values)


def new_feedback(p, w):
    if p.get("status") == FeedbackStatus.REVISION_REQUESTED:
        return w(_("Your teacher asks you to revise %(title)s."), title=w.english(p["title"]))
    return w(_("New feedback on %(title)s."), title=w.english(p["title"]))


def new_packet(p, w):
    return w(_("New packet for your level: %(title)s."), title=w.english(p["title"]))


def breakout_invitation(p, w):
    return w(
        _("You are in %(group)s of %(class)s. Open it to talk with your group."),
        **{"group": w.english(p["group"]), "class": w.english(p["class"])},
    )


def practice_invitation(p, w):
    return w(_("You are invited to the practice group %(group)s."), group=w.english(p["group"]))


def device_due(p, w):
    return w(
        _("Please bring back %(device)s by %(date)s."),
        device=w.english(p["device"]),
        date=day(p["due"]),
    )


WORDING = {
    NoticeKind.SESSION_TONIGHT: session_tonight,
    NoticeKind.SESSION_CANCELLED: session_cancelled,
    NoticeKind.SESSION_CHANGED: session_changed,
    NoticeKind.NEW_FEEDBACK: new_feedback,
    NoticeKind.NEW_PACKET: new_packet,
    NoticeKind.BREAKOUT_INVITATION: breakout_invitation,
    NoticeKind.PRACTICE_INVITATION: practice_invitation,
    NoticeKind.DEVICE_DUE: device_due,
}


def worded(notice, html=False):
    """The notice's sentence for the active language; a plain fallback for a
    kind this version does not know or parameters of another shape."""
    wording = WORDING.get(notice.kind)
    try:
        if wording is not None:
            return wording(notice.params, Words(html))
    except (KeyError, TypeError, ValueError):
        pass
    return _("You have a new notice.")


def call_link(notice):
    """The video call to join, for a session tonight (shown beside the text)."""
    if notice.kind == NoticeKind.SESSION_TONIGHT:
        return notice.params.get("call") or ""
    return ""
