"""Links from a records page to the standardized exports, carrying the page's
period and scope: the file holds what the page shows (docs/records.md)."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from classes.records.exports.registry import EXPORTS, FORMATS
from classes.records.filters import Period

LABELS = {
    "students": _("Students"),
    "attendance": _("Attendance"),
    "submissions": _("Submissions"),
    "assessments": _("Assessments"),
    "nrs-table-4": _("NRS Table 4"),
    "loans": _("Device loans"),
}


@dataclass(frozen=True)
class ExportLink:
    name: str
    label: str
    urls: dict  # format → URL with the page's filters


def export_links(period: Period, *, level_id=None, class_id=None) -> list[ExportLink]:
    """Each export in each format for the period and, when chosen, the level or class."""
    query = {"start": period.first_day.isoformat(), "end": period.last_day.isoformat()}
    if level_id is not None:
        query["level"] = level_id
    if class_id is not None:
        query["class"] = class_id
    query_string = urlencode(query)
    return [
        ExportLink(name, LABELS[name], {fmt: link(name, fmt, query_string) for fmt in FORMATS})
        for name in EXPORTS
    ]


def link(name, fmt, query_string):
    return f"{reverse('records_export', kwargs={'name': name, 'fmt': fmt})}?{query_string}"
