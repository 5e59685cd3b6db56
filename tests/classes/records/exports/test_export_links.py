"""The records pages link every export, as CSV and XLSX, with the page's own period
and scope: what is downloaded is what the page shows."""

import html
import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from openpyxl import load_workbook

from classes.records.exports.registry import EXPORTS
from tests.classes.records.exports.conftest import csv_dicts

PERIOD = "start=2026-09-01&end=2026-12-31"
EXPORT_HREF = re.compile(r'href="(/records/exports/[^"]+)"')


def export_links(response):
    assert response.status_code == 200
    return [html.unescape(href) for href in EXPORT_HREF.findall(response.content.decode())]


def filters_of(link):
    return {key: values[0] for key, values in parse_qs(urlsplit(link).query).items()}


def test_the_dashboard_links_each_export_in_both_formats(login, manager, program):
    links = export_links(login(manager).get(f"/records/?{PERIOD}"))
    paths = sorted(urlsplit(link).path for link in links)
    expected = sorted(f"/records/exports/{n}.{fmt}" for n in EXPORTS for fmt in ("csv", "xlsx"))
    assert paths == expected
    assert {tuple(sorted(filters_of(link).items())) for link in links} == {
        (("end", "2026-12-31"), ("start", "2026-09-01"))
    }


def test_the_dashboard_links_carry_its_chosen_level(login, manager, program):
    client = login(manager)
    links = export_links(client.get(f"/records/?{PERIOD}&level={program.level4.pk}"))
    students = next(link for link in links if "/students.csv" in link)
    assert filters_of(students) == {
        "start": "2026-09-01",
        "end": "2026-12-31",
        "level": str(program.level4.pk),
    }
    rows = csv_dicts(client.get(students))
    assert [row["student"] for row in rows] == ["Fatima Noor"]


def test_the_dashboard_links_carry_its_chosen_class(login, manager, program):
    client = login(manager)
    links = export_links(client.get(f"/records/?{PERIOD}&class={program.evening.pk}"))
    attendance = next(link for link in links if "/attendance.csv" in link)
    assert filters_of(attendance)["class"] == str(program.evening.pk)
    rows = csv_dicts(client.get(attendance))
    assert {row["class"] for row in rows} == {"Evening Level 2"}


def test_a_level_page_links_the_exports_of_that_level(login, manager, program):
    client = login(manager)
    links = export_links(client.get(f"/records/levels/{program.level4.pk}/?{PERIOD}"))
    assert len(links) == 2 * len(EXPORTS)
    assert all(filters_of(link).get("level") == str(program.level4.pk) for link in links)
    response = client.get(next(link for link in links if "/students.xlsx" in link))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    header, *rows = sheet.iter_rows(values_only=True)
    assert [row[header.index("student")] for row in rows] == ["Fatima Noor"]


def test_a_class_page_links_the_exports_of_that_class(login, teacher, program):
    client = login(teacher)
    links = export_links(client.get(f"/records/classes/{program.evening.pk}/"))
    assert len(links) == 2 * len(EXPORTS)
    first = filters_of(links[0])
    # Without a chosen period the class page shows the class's term.
    assert (first["start"], first["end"]) == ("2026-09-07", "2026-12-18")
    assert all(filters_of(link).get("class") == str(program.evening.pk) for link in links)
    rows = csv_dicts(client.get(next(link for link in links if "/students.csv" in link)))
    assert {row["student"] for row in rows} == {"أمينة يوسف", "Ahmad Rahimi"}


def test_a_teachers_dashboard_links_download_only_their_rows(login, teacher, program):
    client = login(teacher)
    links = export_links(client.get(f"/records/?{PERIOD}"))
    rows = csv_dicts(client.get(next(link for link in links if "/students.csv" in link)))
    assert {row["class"] for row in rows} == {"Evening Level 2"}


@pytest.mark.parametrize(
    "query",
    ["start=2026-13-01", "level=abc", "class=%C2%B2", "start=2026-12-01&end=2026-09-01"],
)
def test_bad_filters_on_a_linked_export_are_refused(login, manager, program, query):
    response = login(manager).get(f"/records/exports/students.xlsx?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"


def test_every_export_has_a_label_on_the_records_pages():
    from classes.records.export_links import LABELS
    from classes.records.exports.registry import EXPORTS

    assert set(LABELS) == set(EXPORTS)
