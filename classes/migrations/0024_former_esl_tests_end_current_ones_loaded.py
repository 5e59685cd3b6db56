"""The catalog brought to the Federal Register as of 2026.

- The tests of the former NRS ESL levels that migration 0022 loaded: their
  approvals expired on February 2, 2024 and the notice of March 18, 2024
  (89 FR 19307, FR Doc 2024-05679) extended their sunset to June 30, 2025.
  A row the program has not touched (still the "approved from" 0022 gave it
  and no end) now ends on that day. The BEST Plus row measured the former
  levels: it is BEST Plus 2.0, as its publisher names the former generation.
- CASAS Reading STEPS and Listening STEPS, approved for the new ESL levels by
  the notice of July 13, 2023 (88 FR 44784, FR Doc 2023-14825); CASAS's 2026
  catalog has them approved through June 30, 2031. Their forms are loaded;
  their scale-score tables were not available to Harbor's authors, so results
  on them are refused until a manager enters the bands from the publisher's
  table (docs/records.md, "What is known to be out of date").
Nothing a program changed is overwritten."""

from datetime import date

from django.db import migrations

LOADED_APPROVAL = date(2016, 7, 1)
FORMER_ESL_SUNSET = date(2025, 6, 30)
FORMER_TESTS = ("casas_reading", "casas_listening", "best_plus", "best_literacy", "tabe_clas_e")
NEW_LEVELS_APPROVED = date(2023, 7, 13)
STEPS_APPROVED_UNTIL = date(2031, 6, 30)
STEPS = {
    "casas_steps_reading": ("CASAS Reading STEPS", "R"),
    "casas_steps_listen": ("CASAS Listening STEPS", "L"),
}


def end_former_tests(apps, schema_editor):
    TestInstrument = apps.get_model("classes", "TestInstrument")
    untouched = TestInstrument.objects.filter(
        code__in=FORMER_TESTS, approved_from=LOADED_APPROVAL, approved_until__isnull=True
    )
    untouched.filter(code="best_plus", version="3.0").update(version="2.0")
    untouched.update(approved_until=FORMER_ESL_SUNSET)


def load_steps(apps, schema_editor):
    TestInstrument = apps.get_model("classes", "TestInstrument")
    for code, (name, skill) in STEPS.items():
        instrument, created = TestInstrument.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "publisher": "CASAS",
                "approved_from": NEW_LEVELS_APPROVED,
                "approved_until": STEPS_APPROVED_UNTIL,
                "min_hours_between": 40,
            },
        )
        if created:
            for number in range(621, 631):
                instrument.forms.create(code=f"{number}{skill}")


class Migration(migrations.Migration):
    dependencies = [("classes", "0023_current_esl_tests")]

    operations = [
        migrations.RunPython(end_former_tests, migrations.RunPython.noop),
        migrations.RunPython(load_steps, migrations.RunPython.noop),
    ]
