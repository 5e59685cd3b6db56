"""The records pages: the dashboard per level, a level's classes, a class's
students, a student's record and its printable record of participation, the
form for a test result, and the access audit. Pages that show a student's
own records write an audit entry naming them."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail.models import Site

from classes.access import can_manage_intake
from classes.models import AccessAuditEntry, AuditAction
from classes.records import gains
from classes.records import students as record
from classes.records.access import (
    record_class,
    record_student,
    records_classes,
    require_manager,
)
from classes.records.assessments import record_assessment
from classes.records.audit import audit_request
from classes.records.export_links import export_links
from classes.records.figures import (
    Column,
    class_columns,
    classes_in_period,
    level_columns,
    load_records,
    total_figures,
)
from classes.records.filters import Period, RecordsFilterForm, current_term
from classes.records.forms import AssessmentForm
from classes.records.nrs import why
from classes.records.nrs.links import dashboard_links
from classes.records.periods import in_program_year
from classes.records.post_test import waiting_in_class
from classes.records.rules import nrs_rules, program_year
from classes.records.tables import table
from classes.records.trends import attendance_trends
from packets.models import LevelPage

AUDIT_PAGE_SIZE = 50


def filter_form(request, classes):
    """The filter from the query string. Bad input is shown above the page
    (templates/records/_filters.html), which falls back to the default period."""
    form = RecordsFilterForm(request.GET or None, classes=classes)
    if not form.is_bound:  # show the default period's dates in the fields
        period = form.default_period
        form.initial = {"start": period.first_day, "end": period.last_day}
    return form


def page_status(form):
    """Bad filters are shown above the page, which shows the default period: the
    request itself was still bad, so 400."""
    return 400 if form.is_bound and form.errors else 200


def period_query(period):
    """The period as a query string, so links down to a level or class keep it."""
    return urlencode({"start": period.first_day.isoformat(), "end": period.last_day.isoformat()})


def dashboard_scope(user, classes, form):
    """(the classes counted, the levels shown) for the chosen level or class."""
    class_, level = form.chosen("class_"), form.chosen("level")
    if class_ is not None:
        return classes.filter(pk=class_.pk), [class_.level]
    if level is not None:
        return classes.filter(level=level), [level]
    levels = LevelPage.objects.order_by("nrs_level", "title")
    if not user.is_manager:
        levels = levels.filter(pk__in=classes.values("level_id"))
    return classes, list(levels)


def dashboard_exports(form, period):
    level, class_ = form.chosen("level"), form.chosen("class_")
    return export_links(
        period, level_id=level.pk if level else None, class_id=class_.pk if class_ else None
    )


def figures_context(form, period, scope, columns_of, total_label):
    """The figures table and weekly trends of the classes in `scope` for the
    period: one column per level or class (`columns_of`), then their total."""
    in_period = classes_in_period(scope, period)
    data = load_records(in_period, period)
    columns = [*columns_of(data), Column(total_label, total_figures(data))]
    return {
        "form": form,
        "period": period,
        "period_query": period_query(period),
        "columns": columns,
        "rows": table(columns),
        "trends": attendance_trends(in_period, period),
    }


@login_required
def dashboard(request):
    classes = records_classes(request.user)
    form = filter_form(request, classes)
    period = form.period()
    scope, levels = dashboard_scope(request.user, classes, form)
    context = {
        **figures_context(
            form, period, scope, lambda data: level_columns(data, levels), _("All levels")
        ),
        "exports": dashboard_exports(form, period),
        "nrs_downloads": dashboard_links(request.user),
    }
    return render(request, "records/dashboard.html", context, status=page_status(form))


@login_required
def level_page(request, level_id):
    classes = records_classes(request.user)
    level = get_object_or_404(LevelPage, pk=level_id)
    form = filter_form(request, classes)
    period = form.period()
    scope = classes.filter(level=level)
    context = {
        **figures_context(form, period, scope, class_columns, _("The level")),
        "level": level,
        "exports": export_links(period, level_id=level.pk),
    }
    return render(request, "records/level.html", context, status=page_status(form))


def class_period(request, form, class_):
    """The chosen period, or the class's term when none was chosen."""
    if form.is_bound and (request.GET.get("start") or request.GET.get("end")):
        return form.period()
    return Period(class_.term_start, class_.term_end)


@login_required
def class_page(request, class_id):
    class_ = record_class(request, class_id)
    form = filter_form(request, records_classes(request.user))
    period = class_period(request, form, class_)
    if not form.is_bound:
        form.initial = {"start": period.first_day, "end": period.last_day}
    in_period = classes_in_period(records_classes(request.user).filter(pk=class_.pk), period)
    data = load_records(in_period, period)
    people = record.enrollments_of_class(class_, data)
    audit_request(request, AuditAction.VIEW_RECORD, student_ids=[e.student_id for e in people])
    class_column = [Column(_("This class"), total_figures(data))]
    context = {
        "class": class_,
        "form": form,
        "period": period,
        "period_query": period_query(period),
        "class_columns": class_column,
        "class_figures": table(class_column),
        "students": record.student_rows(class_, people, data),
        "trends": attendance_trends(in_period, period),
        "exports": export_links(period, class_id=class_.pk),
    }
    return render(request, "records/class.html", context, status=page_status(form))


@login_required
def post_test_page(request, class_id):
    """The class's students waiting for a post-test (classes/records/post_test.py)."""
    class_ = record_class(request, class_id)
    rows = waiting_in_class(class_)
    audit_request(request, AuditAction.VIEW_RECORD, student_ids=[row.student.pk for row in rows])
    context = {
        "class": class_,
        "ready": [row for row in rows if row.ready],
        "not_yet": [row for row in rows if not row.ready],
    }
    return render(request, "records/post_test.html", context)


@login_required
def student_page(request, student_id):
    student = record_student(request, student_id)
    classes = records_classes(request.user)
    history = record.attendance_history(student, classes)
    results = record.assessments(student)
    term = current_term()
    periods, rules = record.periods(student, classes, results), nrs_rules()
    counted = record.nrs_assessments(student)
    year = program_year(timezone.localdate(), rules)
    work = record.work_with_feedback(student, classes)
    proxy = record.proxy_work(student, classes, work)
    audit_request(request, AuditAction.VIEW_RECORD, student_ids=[student.pk])
    context = {
        "student": student,
        "enrollments": record.with_hours(record.enrollments(student, classes), history, proxy),
        "history": history,
        "work": work,
        "proxy_work": proxy,
        "assessments": results,
        "counted_ids": {result.pk for result in counted},
        "periods": periods,
        "rules": rules,
        "program_year": year,
        "not_counted": why.reasons(
            in_program_year([row.period for row in periods], year),
            counted,
            rules,
            left_out=len(results) - len(counted),
        ),
        "term": term,
        "tests": gains.outcome(results, term),
        "flashcards": record.flashcard_practice(
            student, classes, everything=request.user.is_manager
        ),
        **record.device_loans(request.user, student),
        "may_intake": can_manage_intake(request.user),
    }
    return render(request, "records/student.html", context)


def program_name(request):
    site = Site.find_for_request(request)
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


@login_required
def participation_page(request, student_id):
    student = record_student(request, student_id)
    classes = records_classes(request.user)
    form = RecordsFilterForm(request.GET or None, classes=classes)
    chosen = form.is_bound and form.is_valid() and (form["start"].data or form["end"].data)
    period = form.period() if chosen else None
    rows = record.participation(student, classes, period)
    audit_request(request, AuditAction.PRINT_RECORD, student_ids=[student.pk])
    context = {
        "student": student,
        "form": form,
        "period": period,
        "rows": rows,
        "periods": record.periods(student, classes, record.assessments(student), period),
        "rules": nrs_rules(),
        "total_hours": sum((row.hours for row in rows), 0),
        "total": record.total_by_kind(rows),
        "today": timezone.localdate(),
        "program": program_name(request),
        # A teacher's record lists only their own classes (records_classes):
        # said on the paper, so a partial record is never taken for the whole.
        "only_own_classes": not request.user.is_manager,
    }
    return render(request, "records/participation.html", context, status=page_status(form))


@login_required
def new_assessment(request, student_id):
    student = record_student(request, student_id)
    form = AssessmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            saved = record_assessment(student, by=request.user, **form.cleaned_data)
        except ValidationError as refused:  # the catalog's rules (testing_rules.py)
            form.add_error(None, refused)
        else:
            messages.success(request, _("The test result was saved."))
            for warning in saved.warnings:
                messages.warning(request, warning)
            return redirect("records:student", student_id=student.pk)
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request, "records/assessment_form.html", {"student": student, "form": form}, status=status
    )


@login_required
def audit_log(request):
    require_manager(request.user)
    entries = AccessAuditEntry.objects.select_related("actor")
    page = Paginator(entries, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "entries": record.with_names(page.object_list)}
    return render(request, "records/audit.html", context)
