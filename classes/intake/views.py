"""`/records/students/<id>/intake/`: a student's intake, for managers and intake
staff (classes/access.py). `?language=<code>` shows the page in the student's
language, for the questions the student answers themselves at the desk."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.forms.models import model_to_dict
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from classes.access import can_manage_intake, intake_student
from classes.intake.forms import EntryForm, ProfileForm
from classes.intake.listing import LONGEST_SEARCH, PER_PAGE, students_for_intake
from classes.intake.services import entry_for_period, save_entry, save_profile
from classes.models import AuditAction, IntakeProfile
from classes.records.audit import audit_request
from classes.records.period_data import periods_of_student
from learning.languages import is_supported


@login_required
def intake_page(request, student_id):
    student = intake_student(request.user, student_id)
    language = request.GET.get("language", "")
    if language and not is_supported(language):
        return bad_request(_("Choose one of Harbor's languages."))
    profile = IntakeProfile.objects.filter(student=student).first()
    entries = list(student.intake_entries.all())
    # Every class's service: the entry dates belong to the program's periods,
    # whoever takes the intake (intake staff need not teach the student).
    periods = periods_of_student(student)
    today = timezone.localdate()
    bound = request.POST.get("form") if request.method == "POST" else None
    profile_form = ProfileForm(
        request.POST if bound == "profile" else None, instance=profile, today=today
    )
    entry_form = EntryForm(
        request.POST if bound == "entry" else None,
        initial=entry_initial(entries, periods[-1].start if periods else today),
    )
    chosen = {"profile": profile_form, "entry": entry_form}.get(bound)
    if request.method == "POST" and chosen is None:
        return bad_request(_("Send the profile form or the entry form."))
    if chosen is not None and chosen.is_valid():
        save(chosen, bound, student, request.user)
        audit_request(request, AuditAction.EDIT_INTAKE, student_ids=[student.pk])
        messages.success(request, _("Intake saved."))
        return redirect(page_url(student, language))
    if chosen is None:
        audit_request(request, AuditAction.VIEW_INTAKE, student_ids=[student.pk])
    context = {
        "student": student,
        "profile_form": profile_form,
        "entry_form": entry_form,
        "entries": entries,
        "periods": [(p, entry_for_period(entries, p)) for p in reversed(periods)],
        "student_language": student_language(student, language),
        "page_url": page_url(student, ""),
        # Intake staff who teach nobody go back to the list, not to a record
        # they may not open.
        "may_read_records": request.user.is_manager,
    }
    with translation.override(language or translation.get_language()):
        return render(request, "records/intake.html", context, status=400 if chosen else 200)


@login_required
@require_safe
def intake_list(request):
    """The students, found by name, each linked to their intake page."""
    if not can_manage_intake(request.user):
        raise PermissionDenied
    search = request.GET.get("q", "").strip()
    page_number = request.GET.get("page", "1")
    if len(search) > LONGEST_SEARCH:
        return bad_request(_("Search for at most %(count)s letters.") % {"count": LONGEST_SEARCH})
    if not (page_number.isascii() and page_number.isdigit()):
        return bad_request(_("The page number is a whole number."))
    paginator = Paginator(students_for_intake(search), PER_PAGE)
    page = paginator.get_page(page_number)
    return render(request, "records/intake_list.html", {"page": page, "search": search})


def entry_initial(entries, entry_date):
    """The newest answers, dated for the newest period: a re-entry is often
    the same status, and a correction starts from what was recorded."""
    newest = entries[0] if entries else None
    answers = model_to_dict(newest, fields=EntryForm.Meta.fields) if newest else {}
    return {**answers, "entry_date": entry_date}


def bad_request(text):
    return HttpResponseBadRequest(text, content_type="text/plain; charset=utf-8")


def save(form, which, student, by):
    values = {field: form.cleaned_data[field] for field in form.Meta.fields}
    if which == "profile":
        save_profile(student, values, by=by)
    else:
        entry_date = values.pop("entry_date")
        save_entry(student, entry_date, values, by=by)


def page_url(student, language):
    url = reverse("records:intake", args=[student.pk])
    return f"{url}?{urlencode({'language': language})}" if language else url


def student_language(student, shown):
    """The student's own language, to offer the page in, unless it is shown."""
    code = student.preferred_language
    if not code or code == (shown or translation.get_language()):
        return None
    return {"code": code, "name": get_language_info(code)["name_local"]}
