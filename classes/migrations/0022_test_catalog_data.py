"""The approved tests as published: NRS ESL level cut scores (NRS Technical
Assistance Guide, Exhibit 2.1 / the publishers' tables) and forms. Approval
dates are a starting point to check against the current Federal Register list;
programs keep all of it up to date in the Wagtail admin (docs/records.md)."""

from datetime import date

from django.db import migrations

# code: (name, publisher, version, approved from, minimum hours, forms, bands)
# forms: [(code, notes, adaptive)]; bands: the low score of levels 1–6 and the
# high score of level 6 (each level runs up to the next level's low score − 1).
CATALOG = {
    "casas_reading": (
        "CASAS Life and Work Reading",
        "CASAS",
        "Life and Work",
        date(2016, 7, 1),
        40,
        [
            ("27R", "Level A", False),
            ("28R", "Level A", False),
            ("81R", "Level B", False),
            ("82R", "Level B", False),
            ("83R", "Level C", False),
            ("84R", "Level C", False),
            ("85R", "Level D", False),
            ("86R", "Level D", False),
            ("185R", "Level B", False),
            ("186R", "Level B", False),
            ("187R", "Level C", False),
            ("188R", "Level C", False),
        ],
        [153, 181, 191, 201, 211, 221, 235],
    ),
    "casas_listening": (
        "CASAS Life and Work Listening",
        "CASAS",
        "Life and Work",
        date(2016, 7, 1),
        40,
        [
            ("981L", "Level A", False),
            ("982L", "Level A", False),
            ("983L", "Level B", False),
            ("984L", "Level B", False),
            ("985L", "Level C", False),
            ("986L", "Level C", False),
        ],
        [162, 181, 190, 200, 210, 219, 227],
    ),
    "best_plus": (
        "BEST Plus",
        "Center for Applied Linguistics",
        "3.0",
        date(2016, 7, 1),
        40,
        [
            ("D", "Print form", False),
            ("E", "Print form", False),
            ("F", "Print form", False),
            ("CAT", "Computer-adaptive", True),
        ],
        [88, 299, 379, 445, 483, 515, 554],
    ),
    "best_literacy": (
        "BEST Literacy",
        "Center for Applied Linguistics",
        "",
        date(2016, 7, 1),
        40,
        [("B", "", False), ("C", "", False), ("D", "", False)],
        [0, 21, 53, 64, 68, 76, 78],
    ),
    "tabe_clas_e": (
        "TABE CLAS-E Reading",
        "Data Recognition Corporation",
        "",
        date(2016, 7, 1),
        40,
        [("A", "Levels 1–4", False), ("B", "Levels 1–4", False)],
        [250, 393, 442, 483, 515, 557, 600],
    ),
}

MANAGERS = "Managers"
MODELS = ("testinstrument", "testform", "scoreband")


def load_catalog(apps, schema_editor):
    TestInstrument = apps.get_model("classes", "TestInstrument")
    for code, (name, publisher, version, start, hours, forms, cuts) in CATALOG.items():
        instrument, created = TestInstrument.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "publisher": publisher,
                "version": version,
                "approved_from": start,
                "min_hours_between": hours,
            },
        )
        if not created:
            continue  # never overwrite what a program changed
        for form, notes, adaptive in forms:
            instrument.forms.create(code=form, notes=notes, adaptive=adaptive)
        for level in range(1, 7):
            high = cuts[level] - 1 if level < 6 else cuts[6]
            instrument.bands.create(nrs_level=level, low=cuts[level - 1], high=high)


def let_managers_edit(apps, schema_editor):
    """Managers keep the catalog in the Wagtail admin (Snippets): they need the
    model permissions, which Django only makes after migrations run."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    managers, _created = Group.objects.get_or_create(name=MANAGERS)
    for model in MODELS:
        content_type, _created = ContentType.objects.get_or_create(app_label="classes", model=model)
        for action in ("add", "change", "delete", "view"):
            permission, _created = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            managers.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("classes", "0021_test_catalog"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("learning", "0002_role_groups"),
    ]

    operations = [
        migrations.RunPython(load_catalog, migrations.RunPython.noop),
        migrations.RunPython(let_managers_edit, migrations.RunPython.noop),
    ]
