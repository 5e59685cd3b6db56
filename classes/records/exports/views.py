"""Downloading an export. Bad filters are refused with the reasons (400), never
turned into a silently different export; every export is audited before it starts."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from classes.models import AuditAction, Class
from classes.records.audit import audit_request
from classes.records.exports import attendance, base
from classes.records.exports.formats import csv_response, xlsx_response
from classes.records.exports.registry import EXPORTS
from classes.records.exports.scope import Scope, exportable_classes
from classes.records.filters import RecordsFilterForm

# The query-string names of the form's fields (`class` is a Python keyword).
PARAMETERS = {"class_": "class"}


@never_cache
@login_required
def download(request, name, fmt):
    export = EXPORTS[name]
    visible = exportable_classes(request.user)
    form = RecordsFilterForm(request.GET, classes=visible)
    if not form.is_valid():
        return refused(form)
    scope = Scope.from_form(form, visible)
    student_ids, row_count = export.reach(scope)
    audit_request(request, AuditAction.EXPORT, student_ids, row_count)
    filename = scope.filename(name, fmt)
    if fmt == "xlsx":
        return xlsx_response(request, name, export.columns, export.rows(scope), filename)
    return csv_response(request, export.columns, export.rows(scope), filename)


def refused(form):
    lines = [_("The export was not made because of these filters:")]
    for field, errors in form.errors.items():
        for error in errors:
            if field in form.fields:
                label = form.fields[field].label
                parameter = PARAMETERS.get(field, field)
                lines.append(f"- {label} ({parameter}): {error}")
            else:
                lines.append(f"- {error}")
    return HttpResponseBadRequest("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def class_attendance_csv(request, class_: Class):
    """A class's own attendance CSV (its teachers and managers), audited like the
    records exports."""
    records = attendance.class_attendance(class_)
    student_ids, row_count = base.reach(records)
    audit_request(request, AuditAction.EXPORT, student_ids, row_count)
    table = attendance.TABLE
    rows = base.read(table.values(records), table.converter())
    return csv_response(request, table.headers, rows, f"attendance-class-{class_.pk}.csv")
