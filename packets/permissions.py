"""Who may edit which level, with Wagtail's own mechanisms only.

Each level gets, when it is created, three things Wagtail enforces by itself:
- a login view restriction (packets are for signed-in users; a program removes
  it in the admin, under "Privacy", to make a level public), and the same on
  the level's collection, so its worksheets and audio follow (remove that one
  under Settings → Collections to make the files public too);
- a group "Level editors: <slug>" with page permissions on the level's subtree;
- a collection for the level's images and documents, which that group may use.
A teacher edits a level once they are in its group: `grant_level_editing`.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
    PageViewRestriction,
)

PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)


def level_group_name(level):
    return f"Level editors: {level.slug}"[:150]


@transaction.atomic
def ensure_level_access(level):
    """Make sure the level has its restriction, its editors' group and its collection.
    Idempotent: called when a level is created, by the demo, and safe again."""
    require_sign_in(level)
    group, _created = Group.objects.get_or_create(name=level_group_name(level))
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=level,
            permission=permission("wagtailcore", codename),
        )
    collection = level_collection(level)
    require_sign_in_for_files(collection)
    for app_label, codename in COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=collection,
            permission=permission(app_label, codename),
        )
    return group


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def require_sign_in(page):
    if not PageViewRestriction.objects.filter(page=page).exists():
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def require_sign_in_for_files(collection):
    """Worksheets and audio follow their level: for signed-in users by default."""
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )


def level_collection(level):
    """The collection holding a level's images and documents, found by name."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=level.title).first()
    return existing or root.add_child(name=level.title)


def grant_level_editing(level, user):
    """Let a teacher publish in this level (called when they start teaching it)."""
    user.groups.add(ensure_level_access(level))


def revoke_level_editing(level, user):
    user.groups.remove(*Group.objects.filter(name=level_group_name(level)))
