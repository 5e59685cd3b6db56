"""The student's side of an assignment page, and a packet page's status list.

Registered as the packets app's hooks in classes/wagtail_hooks.py
(packets/panels.py says what each hook gets and gives):

- `assignment_panel`: what the viewer sees under the instructions: for a
  student, their work's status, the latest feedback and the form to hand work
  in; for others, what students are asked.
- `answer_post`: a POST to the assignment's own URL: hand the work in, save a
  draft, or (the autosave script, `Accept: application/json`) save a draft and
  answer in JSON. A hand-in or a form draft redirects back (303) to the page.
- `packet_status`: a signed-in student's status for each assignment of a packet.

Thin: the rules are in services.py, the checks of what was sent in forms.py.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from classes.models import SubmissionStatus
from classes.submissions import student_work
from classes.submissions.forms import DRAFT, SubmissionForm, posted_text
from classes.submissions.placement import class_for
from classes.submissions.scripts import DRAFT_STRINGS, PHOTO_STRINGS, RECORDER_STRINGS
from classes.submissions.services import (
    SubmissionRefused,
    mark_feedback_seen,
    save_draft,
    submit_work,
)
from classes.uploads.audio import minutes_and_seconds
from learning.once import is_token, new_token


def student_class(user, assignment):
    """The class a student hands this work in to, or None if they may not."""
    if not user.is_authenticated or not user.is_student:
        return None
    return class_for(user, assignment)


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def see_other(request):
    """Back to the page (303), so reloading it does not post again."""
    return HttpResponseRedirect(request.path, status=303)


# --- POST ---------------------------------------------------------------------


def answer_post(request, assignment):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if student_class(request.user, assignment) is None:
        if wants_json(request):
            return JsonResponse({"saved": False, "error": str(NOT_ENROLLED)}, status=403)
        raise PermissionDenied(NOT_ENROLLED)
    form = SubmissionForm(assignment, request.POST, request.FILES)
    if form.action == DRAFT:
        return keep_draft(request, assignment, form)
    return hand_in(request, assignment, form)


NOT_ENROLLED = gettext_lazy("Only students in a class of this level can hand in this work.")


def keep_draft(request, assignment, form):
    if form.is_valid():
        try:
            submission = save_draft(request.user, assignment, posted_text(form.data))
        except SubmissionRefused as refused:
            form.add_error("text", refused)
        else:
            if wants_json(request):
                return JsonResponse({"saved": True, "saved_at": submission.updated_at.isoformat()})
            messages.success(request, _("Your draft is saved. Hand it in when it is ready."))
            return see_other(request)
    if wants_json(request):
        return JsonResponse({"saved": False, "error": form.errors["text"][0]}, status=400)
    return assignment.render_page(request, state=form, status=400)


def hand_in(request, assignment, form):
    token = form.data.get("token", "")
    earlier = student_work.version_with_token(request.user, token) if is_token(token) else None
    if earlier:  # a double tap or a retry of a hand-in that went through
        return handed_in(request, assignment, earlier)
    if form.is_valid():
        try:
            version = submit_work(request.user, assignment, form.work(), token=token)
        except SubmissionRefused as refused:
            if refused.code == "already_returned":
                messages.error(request, refused.messages[0])
                return see_other(request)
            form.add_error(form.field_for_refusal(refused.code), refused)
        else:
            return handed_in(request, assignment, version)
    return assignment.render_page(request, state=form, status=400)


def handed_in(request, assignment, version):
    if version.quiz_score is not None:
        message = _("Submitted! Your score: %(score)s / %(points)s.") % {
            "score": f"{version.quiz_score.normalize():f}",
            "points": assignment.points,
        }
    elif version.is_late:
        message = _("Submitted after the due date: your work is marked late.")
    else:
        message = _("Submitted. Your teacher will give you feedback.")
    messages.success(request, message)
    return see_other(request)


# --- The panel under the instructions -----------------------------------------


def assignment_panel(request, assignment, form=None):
    if getattr(request, "is_preview", False):
        return ""
    user = request.user
    if not user.is_authenticated:
        template, context = "classes/submissions/student/sign_in.html", {}
    elif not user.is_student:
        template, context = "classes/submissions/student/preview.html", preview_context()
    else:
        template = "classes/submissions/student/assignment_panel.html"
        context = student_context(user, assignment, form)
    context["assignment"] = assignment
    return render_to_string(template, context, request=request)


def preview_context():
    return {
        "max_photos": settings.HARBOR_SUBMISSION_MAX_PHOTOS,
        "max_recording": minutes_and_seconds(settings.HARBOR_UPLOAD_MAX_AUDIO_SECONDS),
    }


def student_context(user, assignment, form):
    cohort = class_for(user, assignment)
    work = student_work.work_of(user, assignment)
    may_send = cohort is not None and work.status != SubmissionStatus.RETURNED
    if may_send and form is None:
        form = SubmissionForm(assignment)
    if work.feedback:
        mark_feedback_seen(user, work.submission)
    return {
        **preview_context(),
        "cohort": cohort,
        "work": work,
        "quiz_answers": work.quiz_answers(assignment),
        "form": form if may_send else None,
        "token": form.token_to_render() if form is not None and form.is_bound else new_token(),
        "text": text_in_form(form, work),
        "storage_key": f"harbor:draft:{assignment.pk}:{user.pk}",
        "draft_strings": DRAFT_STRINGS,
        "recorder_strings": RECORDER_STRINGS,
        "photo_strings": PHOTO_STRINGS,
        "max_seconds": settings.HARBOR_UPLOAD_MAX_AUDIO_SECONDS,
    }


def text_in_form(form, work):
    """What the textarea shows: what was just posted, else the draft to continue."""
    if form is not None and form.is_bound:
        return posted_text(form.data)
    return work.text_to_continue()


# --- The packet page ----------------------------------------------------------


def packet_status(request, packet_id, assignment_ids):
    user = request.user
    if getattr(request, "is_preview", False) or not user.is_authenticated or not user.is_student:
        return ""
    assignments = student_work.assignments_with_status(user, assignment_ids)
    if not assignments:
        return ""
    # No request: the block needs no context processors, and it is on every packet page.
    return render_to_string(
        "classes/submissions/student/packet_status.html", {"assignments": assignments}
    )
