"""Links from the NRS page and the records dashboard to the NRS downloads: each
table's CSV and XLSX (of the year, or of the snapshot shown) and the
interchange files (docs/records.md)."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from classes.records.nrs.files import TABLES
from classes.records.nrs.interchange import FILES
from classes.records.rules import nrs_rules, program_year

FORMATS = ("csv", "xlsx")
INTERCHANGE_LABELS = {
    "students": _("Students and intake"),
    "attendance": _("Attendance and proxy hours"),
    "tests": _("Tests"),
}


def table_links(year, snapshot=None):
    """{table number ("4B"): {format: URL}}."""
    links = {}
    for name, number in TABLES.items():
        links[number] = {fmt: table_url(name, fmt, year, snapshot) for fmt in FORMATS}
    return links


def table_url(name, fmt, year, snapshot):
    if snapshot is not None:
        kwargs = {"snapshot_id": snapshot.pk, "name": name, "fmt": fmt}
        return reverse("records:nrs_snapshot_file", kwargs=kwargs)
    url = reverse("records:nrs_table_file", kwargs={"name": name, "fmt": fmt})
    return f"{url}?{year_query(year)}"


def year_query(year):
    return urlencode({"year": year.first_day.year})


def with_links(tables, links):
    """[(table, its links)]: a table in several parts (Table 6) links once, under its first."""
    seen, paired = set(), []
    for table in tables:
        paired.append((table, None if table.number in seen else links[table.number]))
        seen.add(table.number)
    return paired


def interchange_links(year):
    """[(label, URL)]: the zip first, then each file."""
    query = year_query(year)
    links = [(_("All three files and their layout (ZIP)"), zip_url(year))]
    for name in FILES:
        url = reverse("records:nrs_interchange_file", kwargs={"name": name})
        links.append((INTERCHANGE_LABELS[name], f"{url}?{query}"))
    return links


def zip_url(year):
    return f"{reverse('records:nrs_interchange_zip')}?{year_query(year)}"


@dataclass(frozen=True)
class DashboardLinks:
    year: object  # ProgramYear
    tables_url: str
    interchange: list


def dashboard_links(user):
    """The current program year's NRS page and interchange files, for the records
    dashboard's downloads; None for anyone but a manager."""
    if not user.is_manager:
        return None
    year = program_year(timezone.localdate(), nrs_rules())
    tables = f"{reverse('records:nrs_tables')}?{year_query(year)}"
    return DashboardLinks(year, tables, interchange_links(year))
