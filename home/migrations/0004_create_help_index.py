import uuid

from django.db import migrations
from django.utils import timezone

# Wagtail's tree (django-treebeard) names a page's place by its path: its
# parent's path and four base-36 digits per level.
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEP = 4


def next_child_path(parent, last_child_path):
    if last_child_path is None:
        return parent.path + "0001"
    number = int(last_child_path[-STEP:], 36) + 1
    digits = ""
    while number:
        number, digit = divmod(number, 36)
        digits = ALPHABET[digit] + digits
    return parent.path + digits.rjust(STEP, "0")


def create_help_index(apps, schema_editor):
    """/help/ exists on every install (the header links to it): an empty help
    index under the home page, for guides to be added in the admin."""
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("home.HomePage")
    HelpIndexPage = apps.get_model("home.HelpIndexPage")
    ContentType = apps.get_model("contenttypes.ContentType")
    home = HomePage.objects.order_by("path").first()
    if home is None or HelpIndexPage.objects.exists():
        return
    if Page.objects.filter(depth=home.depth + 1, path__startswith=home.path, slug="help").exists():
        return  # someone's own page already answers /help/
    children = Page.objects.filter(depth=home.depth + 1, path__startswith=home.path)
    last = children.order_by("-path").values_list("path", flat=True).first()
    content_type, _created = ContentType.objects.get_or_create(
        app_label="home", model="helpindexpage"
    )
    now = timezone.now()
    HelpIndexPage.objects.create(
        title="Help",
        draft_title="Help",
        slug="help",
        content_type=content_type,
        path=next_child_path(home, last),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}help/",
        live=True,
        locale_id=home.locale_id,
        translation_key=uuid.uuid4(),
        first_published_at=now,
        last_published_at=now,
    )
    Page.objects.filter(pk=home.pk).update(numchild=home.numchild + 1)


def remove_help_index(apps, schema_editor):
    HelpIndexPage = apps.get_model("home.HelpIndexPage")
    Page = apps.get_model("wagtailcore.Page")
    for index in HelpIndexPage.objects.filter(numchild=0):
        parent = Page.objects.filter(path=index.path[:-STEP]).first()
        index.delete()
        if parent is not None:
            Page.objects.filter(pk=parent.pk).update(numchild=max(parent.numchild - 1, 0))


class Migration(migrations.Migration):
    dependencies = [("home", "0003_help_index_and_guide_pages")]

    operations = [migrations.RunPython(create_help_index, remove_help_index)]
