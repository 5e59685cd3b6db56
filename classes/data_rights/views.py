"""A manager's pages for a student's data: the export (a zip) and erasure."""

import tempfile

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from classes.data_rights.erase import erase_student, refusal_to_erase
from classes.data_rights.export import write_zip
from classes.models import AuditAction
from classes.records.access import record_student, require_manager
from classes.records.audit import audit_request


@never_cache
@login_required
def export_student(request, student_id):
    require_manager(request.user)
    student = record_student(request, student_id)
    audit_request(request, AuditAction.EXPORT_PERSON, [student.pk])
    output = write_zip(student, tempfile.TemporaryFile())
    output.seek(0)
    return FileResponse(
        output,
        as_attachment=True,
        filename=f"harbor-student-{student.pk}.zip",
        content_type="application/zip",
    )


@login_required
def erase(request, student_id):
    """GET says what happens and asks to confirm; POST erases."""
    require_manager(request.user)
    student = record_student(request, student_id)
    refusal = refusal_to_erase(student)
    if request.method == "POST" and not refusal:
        try:
            erase_student(student, by=request.user, target=request.get_full_path())
        except ValidationError as error:
            refusal = error.messages[0]
        else:
            messages.success(request, _("The student's data was erased."))
            return redirect("records:dashboard")
    context = {"student": student, "refusal": refusal}
    status = 400 if refusal and request.method == "POST" else 200
    return render(request, "records/erase_student.html", context, status=status)
