"""A teacher's "Share" control: a short message with a link, sent into the
messaging apps students use (WhatsApp, SMS, Telegram) by plain links that work
without JavaScript, and by the phone's own share sheet (the Web Share API,
classes/static/classes/share.js) where there is one.

The message is worded in one language: a class has no language of its own, so
the callers pass the teacher's active language (docs/sharing.md).
"""

from dataclasses import dataclass
from urllib.parse import quote

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _
from wagtail.models import Page

from classes.access import can_share_page, can_teach
from packets.models import AssignmentPage


@dataclass(frozen=True)
class Share:
    """What the Share control offers: the message (without the link), the link,
    and one ready address per messaging app."""

    text: str
    url: str

    @property
    def message(self):
        """The message as one piece of text: what WhatsApp and SMS carry."""
        return f"{self.text} {self.url}"

    @property
    def whatsapp(self):
        return f"https://wa.me/?text={encoded(self.message)}"

    @property
    def sms(self):
        return f"sms:?body={encoded(self.message)}"

    @property
    def telegram(self):
        # Telegram puts the link first and the text under it: given apart.
        return f"https://t.me/share/url?url={encoded(self.url)}&text={encoded(self.text)}"


def encoded(text):
    """Percent-encoded for a query value: spaces as %20 (not +, which some apps
    show as it is), and &, =, ?, # encoded so a title cannot end the value."""
    return quote(text, safe="")


def isolated(title):
    """An English title inside a right-to-left message keeps its own direction
    (Unicode's first-strong isolate: messages are plain text, not HTML)."""
    return f"\u2068{title}\u2069" if get_language_bidi() else title


def packet_share(packet, url, language):
    with translation.override(language):
        text = _("This week's packet: %(title)s") % {"title": isolated(packet.title)}
    return Share(text, url)


def assignment_share(assignment, url, language):
    with translation.override(language):
        values = {"title": isolated(assignment.title)}
        if assignment.due_date:
            values["date"] = date_format(assignment.due_date, "l j F")
            text = _("Homework: %(title)s, due %(date)s") % values
        else:
            text = _("Homework: %(title)s") % values
    return Share(text, url)


def class_share(class_, url, language):
    with translation.override(language):
        text = _("Our class page: %(name)s") % {"name": isolated(class_.name)}
    return Share(text, url)


def render_share(share, request):
    """The Share control's HTML: the plain links, and the button share.js shows."""
    return render_to_string("classes/_share.html", {"share": share}, request=request)


def share_panel(request, page_id):
    """The Share control for a packet or assignment page, for the teachers of
    its level (and managers); "" for everyone else, without a query for
    students and visitors (it runs on every view of a cached packet page).
    Registered as the packets app's "page_share" hook (packets/panels.py)."""
    user = request.user
    if getattr(request, "is_preview", False) or not user.is_authenticated:
        return ""
    if not (user.is_teacher or user.is_manager):
        return ""
    page = Page.objects.filter(pk=page_id).specific().first()
    if page is None or not can_share_page(user, page):
        return ""
    url = request.build_absolute_uri(page.get_url(request))
    language = translation.get_language()
    if isinstance(page, AssignmentPage):
        share = assignment_share(page, url, language)
    else:
        share = packet_share(page, url, language)
    return render_share(share, request)


def class_page_share(request, class_):
    """The Share control for the class page, for its teachers; None otherwise."""
    if not can_teach(request.user, class_):
        return None
    url = request.build_absolute_uri(class_.get_absolute_url())
    return class_share(class_, url, translation.get_language())
