"""One submission's page and its files, for the student whose work it is, the
class's teachers and managers. Anyone else gets a 404: the work's existence
is not revealed."""

import secrets

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from classes.access import can_see_work, can_teach
from classes.models import SubmissionFile
from classes.submissions.feedback_form import FeedbackForm
from classes.submissions.review_selectors import (
    next_awaiting,
    versions_with_feedback,
    viewable_submissions,
)
from classes.submissions.scripts import RECORDER_STRINGS
from classes.submissions.services import SubmissionRefused, give_feedback, mark_feedback_seen
from classes.uploads.serving import private_file_response


def visible_submission(request, submission_id):
    submission = get_object_or_404(viewable_submissions(), pk=submission_id)
    if not can_see_work(request.user, submission):
        raise Http404
    return submission


@login_required
def submission_page(request, submission_id):
    submission = visible_submission(request, submission_id)
    teaching = can_teach(request.user, submission.cohort)
    form = None
    posted = request.method == "POST"
    if teaching:
        form = FeedbackForm(
            request.POST if posted else None,
            request.FILES if posted else None,
            points=submission.assignment.points,
            initial={"token": secrets.token_urlsafe(24)},
        )
        if posted and (saved := save_feedback(request, submission, form)):
            return saved
    elif posted:
        return HttpResponseNotAllowed(["GET", "HEAD"])
    else:
        mark_feedback_seen(request.user, submission)
    context = {
        "submission": submission,
        "teaching": teaching,
        "versions": versions_with_feedback(submission, show_right_answers=teaching),
        "form": form,
        "max_recording_seconds": settings.HARBOR_UPLOAD_MAX_AUDIO_SECONDS,
        "recorder_strings": RECORDER_STRINGS,
    }
    return render(request, "classes/submissions/submission.html", context)


def save_feedback(request, submission, form):
    """Give the feedback and go on to the next work waiting; None to show the form again."""
    if not form.is_valid():
        return None
    data = form.cleaned_data
    try:
        give_feedback(
            request.user,
            submission,
            token=data["token"],
            status=data["status"],
            text=data["text"],
            score=data["score"],
            recording=form.recording,
        )
    except SubmissionRefused as refused:
        form.add_error(None, refused)
        return None
    messages.success(
        request, _("Your feedback was sent to %(name)s.") % {"name": submission.student.name}
    )
    following = next_awaiting(submission.cohort, after=submission)
    if following is not None:
        return redirect(following.get_absolute_url())
    return redirect(reverse("classes:review_queue", args=[submission.cohort_id]))


@login_required
@require_safe
def submission_file(request, submission_id, file_id):
    """A photo, recording or voice comment of the submission, never as a page:
    private_file_response serves it as its checked type, sandboxed, not cached
    by shared caches."""
    files = SubmissionFile.objects.select_related("submission__cohort")
    stored = get_object_or_404(files, pk=file_id, submission_id=submission_id)
    if not can_see_work(request.user, stored.submission):
        raise Http404
    return private_file_response(
        stored.file,
        filename=download_name(stored),
        content_type=stored.content_type,
        request=request,
    )


def download_name(stored):
    """ "photo-12-34.jpg": the kind, the submission and the file, with the stored extension."""
    extension = stored.file.name.rpartition(".")[2] if "." in stored.file.name else "bin"
    return f"{stored.kind}-{stored.submission_id}-{stored.pk}.{extension}"
