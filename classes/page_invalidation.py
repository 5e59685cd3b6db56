"""Which cached pages a saved row changes: the version tokens to bump
(classes/page_versions.py), worked out from the row's links.

A row linked to a person bumps that person; a row of a class (or of its
session, room or breakout group) bumps every member of the class, students and
teachers; a chat message bumps its room; Wagtail's pages, their restrictions,
sites, images and voices bump the content. A row of the apps here that links to
none of these bumps everything, so that a model added later is never missed.

Saves come through `post_save` (connected for every model: the receiver returns
at once for other apps) and `m2m_changed`. Deletes and bulk writes send no
signal: the services that do them bump themselves (`page_versions.bump…`).
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, Revision, Site, get_page_models
from wagtail.signals import page_published, page_unpublished

from classes import page_versions as versions

WATCHED_APPS = {"classes", "packets", "home", "learning", "wagtailimages", "wagtaildocs"}
CONTENT_MODELS = (Page, PageViewRestriction, Revision, Site)
# Rows that change no page a student opens (audit trail, outbox, records'
# snapshots, intake notes, notices: the header's count is on the user's row;
# image renditions).
IGNORED = {
    "classes.accessauditentry",
    "classes.nrssnapshot",
    "classes.intakeprofile",
    "classes.intakeentry",
    "classes.notice",
    "classes.noticesettings",
    "learning.outgoingemail",
    # Made while a page renders (a new size of an image): the page already shows it.
    "wagtailimages.rendition",
}


def class_members(class_ids):
    """Every student ever enrolled in the classes and their teachers: one query."""
    from classes.models import Class, Enrollment

    class_ids = [pk for pk in class_ids if pk]
    if not class_ids:
        return set()
    students = Enrollment.objects.filter(cohort_id__in=class_ids).order_by().values("student_id")
    teachers = Class.teachers.through.objects.filter(class_id__in=class_ids).order_by()
    teachers = teachers.values("user_id")
    return set(students.union(teachers).values_list("student_id", flat=True))


def practice_members(group_ids):
    from classes.models import PracticeMembership

    found = PracticeMembership.objects.filter(group_id__in=[pk for pk in group_ids if pk])
    return set(found.values_list("student_id", flat=True))


def room_name(room):
    """A chat room's token, named from what its page's URL carries."""
    if room.group_id:
        return f"room:group:{room.group_id}"
    if room.practice_group_id:
        return f"room:practice:{room.practice_group_id}"
    return f"room:class:{room.cohort_id}"


def names_for(instance):
    """The tokens a saved row bumps."""
    from classes.models import Class, Message

    if isinstance(instance, CONTENT_MODELS) or instance._meta.app_label.startswith("wagtail"):
        return {versions.CONTENT}
    if isinstance(instance, get_user_model()):
        return {versions.user(instance.pk)}
    if isinstance(instance, Message):
        return {room_name(instance.room)}
    if isinstance(instance, Class):
        return {versions.user(pk) for pk in class_members([instance.pk])}
    if instance._meta.label_lower == "classes.practicegroup":
        members = practice_members([instance.pk]) | {instance.created_by_id}
        return {versions.user(pk) for pk in members}
    users, found = linked_users(instance)
    if not found:
        content = instance._meta.app_label in {"packets", "home"}
        return {versions.CONTENT if content else versions.EVERYTHING}
    return {versions.user(pk) for pk in users}


def linked_users(instance):
    """(the people a row concerns, whether any link was understood)."""
    users, classes, groups, found = set(), set(), set(), False
    for field in instance._meta.concrete_fields:
        if not field.is_relation:
            continue
        target = field.related_model._meta.label_lower
        value = getattr(instance, field.attname)
        if target == get_user_model()._meta.label_lower:
            users.add(value)
            found = True
        elif target in LINKS and value is not None:
            kind, pk = LINKS[target](instance, field)
            {"user": users, "class": classes, "practice": groups}[kind].add(pk)
            found = True
    return users | class_members(classes) | practice_members(groups), found


def via(kind, *path):
    """A link read through the linked row: via("user", "submission", "student_id")."""

    def link(row, field):
        value = getattr(row, field.name)
        for name in path:
            value = getattr(value, name)
        return kind, value

    return link


def own_id(kind):
    return lambda row, field: (kind, getattr(row, field.attname))


LINKS = {
    "classes.class": own_id("class"),
    "classes.session": via("class", "cohort_id"),
    "classes.breakoutgroup": via("class", "cohort_id"),
    "classes.submission": via("user", "student_id"),
    "classes.submissionversion": via("user", "submission", "student_id"),
    "classes.feedback": via("user", "submission", "student_id"),
    "classes.attendance": via("user", "student_id"),
    "classes.loan": via("user", "student_id"),
    "classes.practicegroup": own_id("practice"),
    "classes.room": lambda row, field: room_link(getattr(row, field.name)),
}


def room_link(room):
    if room.practice_group_id:
        return "practice", room.practice_group_id
    return "class", room.cohort_id


@receiver(post_save)
def bump_after_save(sender, instance, raw=False, **kwargs):
    meta = sender._meta
    if raw or meta.app_label not in WATCHED_APPS and not isinstance(instance, CONTENT_MODELS):
        return
    if meta.label_lower in IGNORED:
        return
    versions.bump(*names_for(instance))


@receiver(m2m_changed)
def bump_after_links_change(sender, instance, action, **kwargs):
    """A class's teachers, a breakout group's members, a user's groups (roles)."""
    if not action.startswith("post_") or sender._meta.app_label not in {*WATCHED_APPS, "auth"}:
        return
    if sender is get_user_model().groups.through:
        versions.bump(versions.user(instance.pk))
        return
    # Changed from the other side (a user's classes): whose pages is not worked out.
    versions.bump(*names_for(instance), versions.EVERYTHING if kwargs.get("reverse") else "")


@receiver(page_published)
@receiver(page_unpublished)
def bump_content(sender, **kwargs):
    versions.bump(versions.CONTENT)


def connect_page_deletes():
    """A deleted page: Wagtail deletes pages one by one (never the fast path)."""
    for model in {Page, *get_page_models()}:
        post_delete.connect(bump_content, sender=model, dispatch_uid=f"page-version-{model}")


# For the services' bulk writes, which send no signal.
def bump_class(class_id):
    versions.bump_users(class_members([class_id]))


def bump_practice_group(group_id):
    versions.bump_users(practice_members([group_id]))


def bump_everything():
    versions.bump(versions.EVERYTHING)
