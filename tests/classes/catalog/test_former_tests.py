"""The test catalog as migrations load it (docs/records.md, "What is known to be
out of date"): the former ESL levels' tests end at their sunset (June 30, 2025:
89 FR 19307), the current CASAS STEPS tests come with their forms and approval
dates but no score table, and the NRS page warns of a catalog that still counts
former tests past their sunset (a program that reopened them, or the demo).

Outside tests/classes/records/ on purpose: that directory's tests keep the
former tests approved for their 2026 worlds; these read the catalog as loaded."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from classes.models import TestInstrument
from classes.records.assessments import record_assessment
from classes.records.catalog import former_tests_still_counted
from classes.records.rules import nrs_rules, program_year
from tests.factories import FORMER_ESL_TESTS

pytestmark = pytest.mark.django_db
WARNING = "The test catalog is out of date for this year."
SUNSET = date(2025, 6, 30)


def year_starting(first_year):
    return program_year(date(first_year, 7, 1), nrs_rules())


def former():
    return TestInstrument.objects.filter(code__in=FORMER_ESL_TESTS).order_by("name", "pk")


def reopen_former_tests():
    """A catalog as a program had it before migration 0024, or as the demo keeps it."""
    former().update(approved_until=None)


def test_the_former_tests_end_at_their_sunset_and_the_page_has_nothing_to_warn_of():
    assert {row.approved_until for row in former()} == {SUNSET}
    assert len(former()) == 5
    assert "BEST Plus 2.0" in {str(row) for row in former()}  # the former generation
    assert former_tests_still_counted(year_starting(2025)) == []


def test_the_current_casas_steps_tests_come_with_forms_and_dates_but_no_score_table():
    steps = {row.code: row for row in TestInstrument.objects.filter(code__startswith="casas_steps")}
    reading, listening = steps["casas_steps_reading"], steps["casas_steps_listen"]
    assert (reading.approved_from, reading.approved_until) == (date(2023, 7, 13), date(2031, 6, 30))
    assert sorted(f.code for f in reading.forms.all())[:2] == ["621R", "622R"]
    assert listening.forms.count() == reading.forms.count() == 10
    assert not reading.bands.exists() and not listening.bands.exists()


def test_a_former_test_recorded_after_its_sunset_is_saved_with_why_it_does_not_count(student):
    staff = student  # who records is not what this checks
    before = record_assessment(student, by=staff, test="casas_reading", taken_on=SUNSET,
                               phase="pre", form="81R", scale_score=185)  # fmt: skip
    after = record_assessment(student, by=staff, test="casas_reading", taken_on=date(2025, 7, 1),
                              phase="pre", form="83R", scale_score=205)  # fmt: skip
    assert before.warnings == []
    assert after.warnings == [
        "CASAS Life and Work Reading was not approved for the NRS on July 1, 2025: "
        "the result is saved but does not count."
    ]


def test_a_result_on_a_test_without_its_score_table_is_refused_and_says_what_to_do(student):
    with pytest.raises(ValidationError) as refused:
        record_assessment(student, by=student, test="casas_steps_listen", taken_on=date(2026, 9, 7),
                          phase="pre", form="621L", scale_score=480)  # fmt: skip
    [message] = refused.value.message_dict["scale_score"]
    assert message.startswith("The catalog has no score table for CASAS Listening STEPS yet")


def test_a_catalog_still_counting_former_tests_names_each_until_it_is_brought_up_to_date():
    reopen_former_tests()
    assert former_tests_still_counted(year_starting(2024)) == []  # the sunset is in it
    assert len(former_tests_still_counted(year_starting(2025))) == 5
    ended, updated, retired, *left = former()
    ended.approved_until = SUNSET
    ended.save()
    updated.approved_from = date(2023, 7, 13)  # the row now holds a current version
    updated.save()
    retired.active = False
    retired.save()
    outdated = former_tests_still_counted(year_starting(2026))
    assert outdated == [str(row) for row in left] and len(left) == 2


def test_the_nrs_page_warns_a_manager_and_links_to_the_catalog(client, manager):
    client.force_login(manager)
    loaded = client.get("/records/nrs/?year=2026", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert WARNING not in loaded and "NRS tables" in loaded
    reopen_former_tests()
    page = client.get("/records/nrs/?year=2026", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert WARNING in page
    assert 'href="/admin/snippets/classes/testinstrument/"' in page
    assert "June 30, 2025" in page
    assert client.get("/admin/snippets/classes/testinstrument/").status_code == 200
    earlier = client.get("/records/nrs/?year=2024", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert WARNING not in earlier


def test_a_test_is_named_with_its_version_unless_its_name_already_says_it():
    def name(name, version):
        return str(TestInstrument(name=name, version=version))

    assert name("CASAS Life and Work Reading", "Life and Work") == "CASAS Life and Work Reading"
    assert name("BEST Plus", "3.0") == "BEST Plus 3.0"
    assert name("TABE CLAS-E Reading", "E") == "TABE CLAS-E Reading E"
    assert name("BEST Literacy", "") == "BEST Literacy"
