"""A class's work for its teachers: the review queue and the assignment table."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from classes.models import SubmissionStatus
from classes.submissions.review_selectors import (
    QUEUE_STATUSES,
    assignment_table,
    queue_counts,
    review_queue,
)
from classes.views.access import taught_class


def queue_status(request):
    """The `?status=` asked for; anything unknown shows the default, and says so."""
    asked = request.GET.get("status", QUEUE_STATUSES[0])
    if asked in QUEUE_STATUSES:
        return SubmissionStatus(asked)
    messages.warning(request, _("That list does not exist: here is the work awaiting feedback."))
    return QUEUE_STATUSES[0]


@login_required
@require_safe
def review_queue_page(request, class_id):
    class_ = taught_class(request, class_id)
    status = queue_status(request)
    counts = queue_counts(class_)
    context = {
        "class": class_,
        "status": status,
        "filters": [(s, s.label, counts[s]) for s in QUEUE_STATUSES],
        "submissions": review_queue(class_, status),
    }
    return render(request, "classes/submissions/queue.html", context)


@login_required
@require_safe
def assignment_table_page(request, class_id):
    class_ = taught_class(request, class_id)
    context = {"class": class_, "table": assignment_table(class_)}
    return render(request, "classes/submissions/assignment_table.html", context)
