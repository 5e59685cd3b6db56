"""Managers edit every level: page permissions on the home page (the whole tree)
and collection permissions on the root collection (every image and document).
A data migration, so real deployments get it, not only the demo."""

from django.db import migrations

PAGE_CODENAMES = (
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
)
COLLECTION_CODENAMES = {
    ("wagtailimages", "image"): ("add_image", "change_image", "delete_image", "choose_image"),
    ("wagtaildocs", "document"): (
        "add_document",
        "change_document",
        "delete_document",
        "choose_document",
    ),
}


def permission(apps, app_label, model, codename):
    """Permissions are normally created after every migration has run; make the
    ones needed here now (the later step then finds them and skips them)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    found, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return found


def grant_managers(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    managers, _created = Group.objects.get_or_create(name="Managers")
    home = Page.objects.filter(depth=2).order_by("path").first()
    if home is not None:
        for codename in PAGE_CODENAMES:
            GroupPagePermission.objects.get_or_create(
                group=managers, page=home, permission=permission(apps, "wagtailcore", "page", codename)
            )
    root = Collection.objects.filter(depth=1).first()
    if root is not None:
        for (app_label, model), codenames in COLLECTION_CODENAMES.items():
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=managers,
                    collection=root,
                    permission=permission(apps, app_label, model, codename),
                )


def revoke_managers(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    managers = Group.objects.filter(name="Managers").first()
    if managers is not None:
        apps.get_model("wagtailcore", "GroupPagePermission").objects.filter(group=managers).delete()
        apps.get_model("wagtailcore", "GroupCollectionPermission").objects.filter(
            group=managers
        ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("packets", "0002_flashcard_progress"),
        ("learning", "0002_role_groups"),
        ("home", "0002_create_home_page"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(grant_managers, revoke_managers)]
