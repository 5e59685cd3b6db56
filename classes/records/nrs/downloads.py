"""Downloading a program year's NRS tables (one file per table, CSV or XLSX),
a snapshot's frozen tables, and the interchange export (three CSV files, or
one zip with a README of the layout). Managers only, like the NRS page; every
download is written to the access audit before its first row is sent, and the
files holding intake answers are written there as intake opened too.
(docs/records.md, "NRS tables as files" and "Interchange export".)"""

import tempfile
import zipfile

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.cache import never_cache

from classes.models import AuditAction, NrsSnapshot
from classes.records.access import require_manager
from classes.records.audit import audit_request
from classes.records.exports.formats import (
    attachment,
    csv_chunks,
    csv_response,
    file_blocks,
    xlsx_response,
)
from classes.records.nrs import interchange
from classes.records.nrs.figures import figures_of, program_people
from classes.records.nrs.files import file_name, table_file, thawed_cell, year_name
from classes.records.nrs.interchange_layout import readme_text
from classes.records.nrs.snapshots import snapshot_figures
from classes.records.nrs.views import bad_year, chosen_year
from classes.records.rules import nrs_rules, program_year

ZIP_TYPE = "application/zip"


def requested_year(request):
    """(year, rules, today); year is None when the request names no valid one."""
    rules, today = nrs_rules(), timezone.localdate()
    return chosen_year(request.GET.get("year", ""), rules, today), rules, today


def send_table(request, table, fmt, filename):
    if fmt == "xlsx":
        title = f"NRS Table {table.name.upper()}"
        return xlsx_response(request, title, table.headers, iter(table.rows), filename)
    return csv_response(request, table.headers, iter(table.rows), filename)


@never_cache
@login_required
def table_download(request, name, fmt):
    require_manager(request.user)
    year, rules, today = requested_year(request)
    if year is None:
        return bad_year()
    people = program_people(year, today, rules)
    table = table_file(figures_of(people, rules), name)
    participants = [person.student_id for person in people.participants]
    audit_request(request, AuditAction.EXPORT, participants, len(table.rows))
    return send_table(request, table, fmt, file_name(name, year, fmt))


@never_cache
@login_required
def snapshot_table_download(request, snapshot_id, name, fmt):
    require_manager(request.user)
    snapshot = get_object_or_404(NrsSnapshot, pk=int(snapshot_id))
    table = table_file(snapshot_figures(snapshot), name, thawed_cell)
    # Frozen figures name no student: the entry says what was downloaded.
    audit_request(request, AuditAction.EXPORT, (), len(table.rows))
    year = program_year(snapshot.year_start, nrs_rules())
    return send_table(request, table, fmt, file_name(name, year, fmt, snapshot.pk))


def interchange_name(name, year, extension="csv"):
    return f"harbor-interchange-{name}-{year_name(year)}.{extension}"


def interchange_part(name, year, today, rules):
    """(student ids, row count, rows()) of one file: the ids and count are
    read first, for the audit entry written before any row is sent."""
    if name == "students":
        students = interchange.year_students(year, today, rules)
        rows = len(students.rows)
        return students.student_ids, rows, lambda: interchange.students_rows(students)
    if name == "attendance":
        proxy = interchange.proxy_rows(year)
        ids, rows = interchange.attendance_reach(year, proxy)
        return ids, rows, lambda: interchange.attendance_rows(year, proxy)
    tests = interchange.tests_in(year)
    ids = list(tests.order_by().values_list("student_id", flat=True).distinct())
    return ids, tests.count(), lambda: interchange.tests_rows(year)


def audit_intake(request, student_ids):
    """The students file holds intake answers: opened as intake, like the intake page."""
    audit_request(request, AuditAction.VIEW_INTAKE, student_ids)


@never_cache
@login_required
def interchange_file(request, name):
    require_manager(request.user)
    year, rules, today = requested_year(request)
    if year is None:
        return bad_year()
    ids, count, rows = interchange_part(name, year, today, rules)
    if name == "students":
        audit_intake(request, ids)
    audit_request(request, AuditAction.EXPORT, ids, count)
    headers = interchange.FILES[name].headers
    return csv_response(request, headers, rows(), interchange_name(name, year))


@never_cache
@login_required
def interchange_zip(request):
    require_manager(request.user)
    year, rules, today = requested_year(request)
    if year is None:
        return bad_year()
    parts = {name: interchange_part(name, year, today, rules) for name in interchange.FILES}
    audit_intake(request, parts["students"][0])
    every_student = {pk for ids, _count, _rows in parts.values() for pk in ids}
    rows = sum(count for _ids, count, _rows in parts.values())
    audit_request(request, AuditAction.EXPORT, every_student, rows)
    file = zip_file(year, parts)
    length = file.seek(0, 2)
    file.seek(0)
    filename = f"harbor-interchange-{year_name(year)}.zip"
    return attachment(
        request, file_blocks(file), content_type=ZIP_TYPE, filename=filename, length=length
    )


def zip_file(year, parts):
    """The three CSV files and README.txt in an unnamed temporary file (on disk,
    like an XLSX: memory stays flat), at its start."""
    file = tempfile.TemporaryFile()
    try:
        with zipfile.ZipFile(file, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("README.txt", readme_text(year))
            for name, (_ids, _count, rows) in parts.items():
                headers = interchange.FILES[name].headers
                with archive.open(interchange_name(name, year), "w", force_zip64=True) as out:
                    for chunk in csv_chunks(headers, rows()):
                        out.write(chunk)
    except BaseException:
        file.close()
        raise
    file.seek(0)
    return file
