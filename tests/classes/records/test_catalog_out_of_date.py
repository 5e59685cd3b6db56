"""The NRS page says when the test catalog still counts the former ESL tests
past their sunset (June 30, 2025: 89 FR 19307), until a manager updates them
(docs/records.md, "What is known to be out of date")."""

from datetime import date

import pytest

from classes.models import TestInstrument
from classes.records.catalog import former_tests_still_counted
from classes.records.rules import nrs_rules, program_year

pytestmark = pytest.mark.django_db
WARNING = "The test catalog is out of date for this year."


def year_starting(first_year):
    return program_year(date(first_year, 7, 1), nrs_rules())


def test_the_catalog_as_loaded_counts_the_former_tests_past_their_sunset():
    assert former_tests_still_counted(year_starting(2024)) == []  # the sunset is in it
    outdated = former_tests_still_counted(year_starting(2025))
    assert len(outdated) == TestInstrument.objects.count() == 5
    # Named once each: the CASAS rows' version is part of their name.
    assert {"CASAS Life and Work Reading", "BEST Plus 3.0"} <= set(outdated)


def test_a_test_given_its_end_date_or_brought_up_to_date_is_no_longer_named():
    ended, updated, retired, *left = TestInstrument.objects.order_by("name", "pk")
    ended.approved_until = date(2025, 6, 30)
    ended.save()
    updated.approved_from = date(2023, 7, 13)  # the row now holds a current version
    updated.save()
    retired.active = False
    retired.save()
    outdated = former_tests_still_counted(year_starting(2026))
    assert outdated == [str(row) for row in left] and len(left) == 2


def test_the_nrs_page_warns_a_manager_and_links_to_the_catalog(client, manager):
    client.force_login(manager)
    page = client.get("/records/nrs/?year=2026", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert WARNING in page
    assert 'href="/admin/snippets/classes/testinstrument/"' in page
    assert "June 30, 2025" in page
    assert client.get("/admin/snippets/classes/testinstrument/").status_code == 200
    earlier = client.get("/records/nrs/?year=2024", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert WARNING not in earlier


def test_the_warning_is_gone_once_every_former_test_has_its_end_date(client, manager):
    TestInstrument.objects.update(approved_until=date(2025, 6, 30))
    client.force_login(manager)
    page = client.get("/records/nrs/?year=2026", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert WARNING not in page and "NRS tables" in page


def test_a_test_is_named_with_its_version_unless_its_name_already_says_it():
    def name(name, version):
        return str(TestInstrument(name=name, version=version))

    assert name("CASAS Life and Work Reading", "Life and Work") == "CASAS Life and Work Reading"
    assert name("BEST Plus", "3.0") == "BEST Plus 3.0"
    assert name("TABE CLAS-E Reading", "E") == "TABE CLAS-E Reading E"
    assert name("BEST Literacy", "") == "BEST Literacy"
