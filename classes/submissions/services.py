"""The write verbs of submitting work and giving feedback.

Each runs in one transaction. Handing in and giving feedback carry the form's
one-time token: the same token posted again (a double tap, a retry on a flaky
connection) returns what the first post made instead of making it twice.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from classes import page_versions
from classes.access import can_teach
from classes.models import (
    Feedback,
    FeedbackStatus,
    FileKind,
    Submission,
    SubmissionFile,
    SubmissionStatus,
    SubmissionVersion,
)
from classes.notices import triggers
from classes.submissions.placement import class_for
from classes.submissions.quiz import score_quiz
from classes.uploads.storage import private_name
from learning.once import made_once
from packets.levels import AssignmentKind

MAX_TEXT = 20_000


class SubmissionRefused(ValidationError):
    """Why work or feedback could not be saved, in words for the person who tried."""


@dataclass(frozen=True)
class Recording:
    """An accepted recording: the uploaded file and what `check_audio` found."""

    file: object
    info: object


@dataclass
class Work:
    """What the student hands in; which parts count depends on the assignment's kind."""

    text: str = ""
    answers: dict = field(default_factory=dict)
    photos: list = field(default_factory=list)  # ProcessedImage
    recording: Recording | None = None


def save_draft(student, assignment, text):
    """Keep the text typed so far. Never touches what was already handed in."""
    if len(text) > MAX_TEXT:
        raise SubmissionRefused(_("This answer is too long to save."), code="too_long")
    with transaction.atomic():
        submission = current_submission(student, assignment, for_update=True)
        submission.draft_text = text
        submission.save(update_fields=["draft_text", "updated_at"])
    return submission


def submit_work(student, assignment, work: Work, *, token, now=None):
    """Hand the work in as a new version; the same token again returns that version."""

    def earlier():
        return SubmissionVersion.objects.filter(token=token).select_related("submission").first()

    def make():
        check_complete(assignment, work)
        return add_version(student, assignment, work, token, now or timezone.now())

    version, _created = made_once(earlier, make)
    return same_token_again(version, version.submission.student_id == student.pk)


def same_token_again(made, is_theirs):
    """What a form posted again gets: what its first post made. A token that is
    not the poster's own (a form copied from someone else) is refused."""
    if not is_theirs:
        raise SubmissionRefused(
            _("This form has expired. Reload the page and try again."), code="token"
        )
    return made


def add_version(student, assignment, work, token, now):
    submission = current_submission(student, assignment, for_update=True)
    if submission.status == SubmissionStatus.RETURNED:
        raise SubmissionRefused(
            _("Your teacher has already returned this work."), code="already_returned"
        )
    quiz_score, results = score_quiz(assignment, work.answers)
    late = assignment.due_at is not None and now > assignment.due_at
    version = SubmissionVersion.objects.create(
        submission=submission,
        number=submission.versions.count() + 1,
        text=work.text.strip(),
        answers={r.question_id: {"given": r.given, "correct": r.correct} for r in results},
        quiz_score=quiz_score,
        submitted_at=now,
        is_late=late,
        token=token,
    )
    store_work_files(version, work)
    submission.status = SubmissionStatus.SUBMITTED
    submission.submitted_at = now
    submission.first_submitted_at = submission.first_submitted_at or now
    submission.is_late = late
    submission.score = quiz_score
    submission.draft_text = ""
    submission.save()
    return version


def current_submission(student, assignment, *, for_update=False):
    """The student's submission for the assignment, made (as a draft) on first use."""
    submissions = Submission.objects.select_for_update() if for_update else Submission.objects
    submission = submissions.filter(student=student, assignment=assignment).first()
    if submission:
        return submission
    cohort = class_for(student, assignment)
    if cohort is None:
        raise SubmissionRefused(
            _("Only students in a class of this level can hand in this work."),
            code="not_enrolled",
        )
    return Submission.objects.create(student=student, assignment=assignment, cohort=cohort)


def check_complete(assignment, work):
    """Refuse an empty hand-in, with the words for what is missing."""
    missing = {
        AssignmentKind.WRITTEN: not work.text.strip() and _("Write your answer first."),
        AssignmentKind.PHOTO: not work.photos and _("Add at least one photo of your work."),
        AssignmentKind.AUDIO: not work.recording and _("Record or choose a recording first."),
        AssignmentKind.QUIZ: not work.answers and _("Answer at least one question."),
    }.get(assignment.kind)
    if missing:
        raise SubmissionRefused(missing, code="empty")
    if len(work.text) > MAX_TEXT:
        raise SubmissionRefused(_("This answer is too long to save."), code="too_long")


def store_work_files(version, work):
    for photo in work.photos:
        SubmissionFile.objects.create(
            submission=version.submission,
            version=version,
            kind=FileKind.PHOTO,
            file=photo.as_file(),
            content_type=photo.content_type,
            size=len(photo.content),
            width=photo.width,
            height=photo.height,
        )
    if work.recording:
        store_recording(version.submission, work.recording, version=version)


def store_recording(submission, recording, *, version=None, feedback=None):
    upload = recording.file
    upload.seek(0)
    stored = SubmissionFile(
        submission=submission,
        version=version,
        feedback=feedback,
        kind=FileKind.AUDIO,
        content_type=recording.info.mime_type,
        size=upload.size,
        duration_seconds=recording.info.duration_seconds,
    )
    stored.file.save(private_name(recording.info.extension), upload, save=False)
    stored.save()
    return stored


def give_feedback(teacher, submission, *, token, status, text="", score=None, recording=None):
    """Return the latest version with feedback, or ask for a revision."""

    def make():
        check_feedback(teacher, submission, status, text, score, recording)
        return add_feedback(teacher, submission.pk, token, status, text, score, recording)

    earlier = Feedback.objects.filter(token=token).first
    feedback, _created = made_once(earlier, make)
    return same_token_again(feedback, feedback.submission_id == submission.pk)


def add_feedback(teacher, submission_id, token, status, text, score, recording):
    submission = Submission.objects.select_for_update().get(pk=submission_id)
    feedback = Feedback.objects.create(
        submission=submission,
        version=submission.versions.last(),
        teacher=teacher,
        text=text.strip(),
        score=score,
        status=status,
        token=token,
    )
    if recording:
        store_recording(submission, recording, feedback=feedback)
    submission.status = status
    submission.score = score if score is not None else submission.score
    submission.feedback_unseen = True
    submission.save()
    triggers.feedback_given(feedback)
    return feedback


def check_feedback(teacher, submission, status, text, score, recording):
    if not can_teach(teacher, submission.cohort):
        raise SubmissionRefused(
            _("Only the class's teachers can give feedback."), code="not_teacher"
        )
    if submission.status == SubmissionStatus.DRAFT:
        raise SubmissionRefused(_("This work has not been handed in yet."), code="not_submitted")
    if status not in FeedbackStatus.values:
        raise SubmissionRefused(_("Choose whether to return the work or ask for a revision."))
    if not text.strip() and score is None and recording is None:
        raise SubmissionRefused(
            _("Write feedback, give a score or record a comment."), code="empty"
        )
    points = submission.assignment.points
    if score is not None and not 0 <= score <= points:
        raise SubmissionRefused(
            _("The score must be between 0 and %(points)s.") % {"points": points}, code="score"
        )


def mark_feedback_seen(student, submission):
    """The student opened their feedback: the "new feedback" marker goes away."""
    if submission.student_id == student.pk and submission.feedback_unseen:
        Submission.objects.filter(pk=submission.pk).update(feedback_unseen=False)
        submission.feedback_unseen = False
        page_versions.bump(page_versions.user(student.pk))  # the home page's "new feedback"
