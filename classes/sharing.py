"""A teacher's "Share" control: a short message with a link, sent into the
messaging apps students use (WhatsApp, SMS, Telegram) by plain links that work
without JavaScript, and by the phone's own share sheet (the Web Share API,
classes/static/classes/share.js) where there is one.

The message is worded in the class's chosen language (`Class.share_language`),
or, where none is chosen, the teacher's active language. A packet or assignment
page goes to every class the teacher has at its level: one Share control per
language those classes read (docs/sharing.md).
"""

from dataclasses import dataclass, replace
from urllib.parse import quote

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import get_language_bidi, get_language_info
from django.utils.translation import gettext as _
from wagtail.models import Page

from classes.access import can_teach, share_audience
from classes.models import Class
from learning.languages import LANGUAGES
from packets.models import AssignmentPage


@dataclass(frozen=True)
class Share:
    """What the Share control offers: the message (without the link), the link,
    and one ready address per messaging app."""

    text: str
    url: str
    language: str = ""
    # The names of the classes it is for, when a page offers one control per language.
    classes: tuple = ()

    @property
    def language_info(self):
        """The language's own name ("العربية") and direction, for the label."""
        return get_language_info(self.language or "en")

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
    return Share(text, url, language)


def assignment_share(assignment, url, language):
    with translation.override(language):
        values = {"title": isolated(assignment.title)}
        if assignment.due_date:
            values["date"] = date_format(assignment.due_date, "l j F")
            text = _("Homework: %(title)s, due %(date)s") % values
        else:
            text = _("Homework: %(title)s") % values
    return Share(text, url, language)


def class_share(class_, url, language):
    with translation.override(language):
        text = _("Our class page: %(name)s") % {"name": isolated(class_.name)}
    return Share(text, url, language)


def message_language(class_):
    """The language a message to this class is worded in: its chosen one, else
    the teacher's (the active language of the request)."""
    return class_.share_language or translation.get_language()


def by_language(classes):
    """(language, class names) for each language these classes' messages are
    worded in, in the classes' order; the teacher's language for no class."""
    groups = {}
    for class_ in classes:
        groups.setdefault(message_language(class_), []).append(class_.name)
    return list(groups.items()) or [(translation.get_language(), [])]


def page_shares(page, url, classes):
    """A packet or assignment page's Shares: one, or one per language with the
    names of the classes it is for when the teacher's classes differ."""
    make = assignment_share if isinstance(page, AssignmentPage) else packet_share
    groups = by_language(classes)
    if len(groups) == 1:
        return [make(page, url, groups[0][0])]
    return [replace(make(page, url, language), classes=tuple(names)) for language, names in groups]


def render_share(shares, request):
    """The Share control's HTML: the plain links, and the button share.js shows."""
    return render_to_string("classes/_share.html", {"shares": shares}, request=request)


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
    classes = None if page is None else share_audience(user, page)
    if classes is None:
        return ""
    url = request.build_absolute_uri(page.get_url(request))
    return render_share(page_shares(page, url, classes), request)


def class_page_shares(request, class_):
    """The class page's Share, in the class's language, for its teachers; [] otherwise."""
    if not can_teach(request.user, class_):
        return []
    url = request.build_absolute_uri(class_.get_absolute_url())
    return [class_share(class_, url, message_language(class_))]


def language_choices():
    """Each interface language in its own name (as the welcome step shows them),
    after "the teacher's language"."""
    own_names = [(code, get_language_info(code)["name_local"]) for code, _name in LANGUAGES]
    return [("", _("The teacher's language (the one Harbor is shown to them in)")), *own_names]


@transaction.atomic
def choose_share_language(class_: Class, language: str) -> Class:
    """The class's messages are worded in `language` from now on ("": the teacher's)."""
    class_.share_language = language
    class_.full_clean()
    class_.save(update_fields=["share_language"])
    return class_
