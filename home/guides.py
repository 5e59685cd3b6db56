"""Which guides a reader is offered at /help/, and in which language.

The reader's role decides the lists: a student gets the students' guides, a
teacher the teachers' and the students' (to help their students), a manager
the managers'; a visitor who is not signed in, the guides marked "shown before
signing in" (how to sign in). Their language decides each guide's version:
its translation into the reader's language if there is a live one, else the
original (usually English). Every list costs one query, whatever its length.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model


class Audience(models.TextChoices):
    STUDENTS = "students", _("Students")
    TEACHERS = "teachers", _("Teachers")
    MANAGERS = "managers", _("Managers")


SECTION_TITLES = {
    Audience.STUDENTS: _("Guides for students"),
    Audience.TEACHERS: _("Guides for teachers"),
    Audience.MANAGERS: _("Guides for managers"),
}
# A teacher's second list: the students' guides, to show their students.
FOR_YOUR_STUDENTS = _("Guides to show your students")
BEFORE_SIGN_IN = _("Before you sign in")


def audiences_for(user):
    """The audiences whose guides the user is offered, their own first; None
    for a visitor who is not signed in."""
    if not user.is_authenticated:
        return None
    audiences = []
    if user.is_manager:
        audiences.append(Audience.MANAGERS)
    if user.is_teacher:
        audiences.append(Audience.TEACHERS)
    if user.is_student or user.is_teacher or not audiences:
        audiences.append(Audience.STUDENTS)
    return audiences


def sections_for(user, language, index):
    """[(title, [guide, …]), …] for the help index page `index`."""
    from home.help_pages import GuidePage

    audiences = audiences_for(user)
    found = GuidePage.objects.child_of(index).live().order_by("path")
    if audiences is None:
        found = found.filter(before_sign_in=True)
    else:
        found = found.filter(audience__in=audiences)
    chosen = in_language(found.filter(Q(translation_of=None) | Q(language=language)), language)
    if audiences is None:
        return [(BEFORE_SIGN_IN, chosen)] if chosen else []
    return [
        (section_title(audience, audiences), guides)
        for audience in audiences
        if (guides := [guide for guide in chosen if guide.audience == audience])
    ]


def section_title(audience, audiences):
    if audience == Audience.STUDENTS and audiences[0] != Audience.STUDENTS:
        return FOR_YOUR_STUDENTS
    return SECTION_TITLES[audience]


def in_language(guides, language):
    """Each original in `guides` (in their order) once: as its translation into
    `language` when `guides` holds one, else as itself."""
    guides = list(guides)
    translated = {g.translation_of_id: g for g in guides if g.translation_of_id is not None}
    return [translated.get(guide.pk, guide) for guide in guides if guide.translation_of_id is None]


def check_translation(guide, original):
    """A translation translates an original, into another language, once."""
    if original.translation_of_id is not None:
        raise ValidationError(
            {"translation_of": _("Choose the original guide, not another translation of it.")}
        )
    if original.pk == guide.pk:
        raise ValidationError({"translation_of": _("A guide cannot translate itself.")})
    if original.language == guide.language:
        raise ValidationError(
            {"language": _("A translation is in another language than its original.")}
        )
    others = type(guide).objects.filter(translation_of=original, language=guide.language)
    if others.exclude(pk=guide.pk).exists():
        raise ValidationError({"language": _("This guide already has a translation into it.")})


def steps_of(guide):
    """The guide's steps with their pictures and the pictures' renditions: the
    same few queries for any number of steps."""
    renditions = get_image_model().get_rendition_model().objects.all()
    return list(
        guide.steps.select_related("image").prefetch_related(
            Prefetch("image__renditions", queryset=renditions)
        )
    )


def versions_of(guide):
    """The live versions of the guide (its original and its translations), by language."""
    original_id = guide.translation_of_id or guide.pk
    found = type(guide).objects.live().filter(Q(pk=original_id) | Q(translation_of=original_id))
    return sorted(found, key=lambda g: (g.translation_of_id is not None, g.language))


def version_in(versions, language):
    return next((version for version in versions if version.language == language), None)


def newer_original(guide, versions):
    """The live original when it was published after this translation was
    (its text may have changed since), else None."""
    if guide.translation_of_id is None:
        return None
    original = next((v for v in versions if v.pk == guide.translation_of_id), None)
    if original is None or not (original.last_published_at and guide.last_published_at):
        return None
    return original if original.last_published_at > guide.last_published_at else None


def is_bidi(language):
    try:
        return get_language_info(language)["bidi"]
    except KeyError:
        return False
