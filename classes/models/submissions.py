"""Students' work on assignments and their teachers' feedback.

One Submission per student and assignment holds where the work stands (its
status, the draft being typed, the latest score). Each time the student hands
the work in, a SubmissionVersion is added: a resubmission before feedback
replaces the current version for review but keeps the earlier ones. Photos,
recordings and teachers' audio comments are SubmissionFiles in private storage,
reachable only through `/submissions/<id>/files/<file_id>`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from classes.uploads.storage import private_storage


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned")
    REVISION_REQUESTED = "revision_requested", _("Revision requested")


class SubmissionQuerySet(models.QuerySet):
    def handed_in(self):
        """Work the student has handed in at least once (not only a draft)."""
        return self.exclude(status=SubmissionStatus.DRAFT)

    def awaiting_feedback(self):
        return self.filter(status=SubmissionStatus.SUBMITTED)

    def for_class(self, class_):
        return self.filter(cohort=class_)

    def of_student(self, user):
        return self.filter(student=user)

    def with_status(self, status):
        return self.filter(status=status)

    def with_new_feedback(self):
        """Returned or sent back for revision, and not opened by the student since."""
        return self.filter(feedback_unseen=True)


class Submission(models.Model):
    """Where one student's work on one assignment stands."""

    student = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="submissions",
        verbose_name=_("student"),
    )
    assignment = models.ForeignKey(
        "packets.AssignmentPage",
        on_delete=models.CASCADE,
        related_name="submissions",
        verbose_name=_("assignment"),
    )
    # The class whose teachers review it: the student's class at the assignment's level.
    cohort = models.ForeignKey(
        "classes.Class",
        on_delete=models.CASCADE,
        related_name="submissions",
        verbose_name=_("class"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SubmissionStatus.choices, default=SubmissionStatus.DRAFT
    )
    draft_text = models.TextField(_("draft"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Of the current version; null while it is only a draft.
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    first_submitted_at = models.DateTimeField(null=True, blank=True)
    is_late = models.BooleanField(_("late"), default=False)
    # The latest score: the quiz's own score, replaced by the teacher's if they give one.
    score = models.DecimalField(_("score"), max_digits=6, decimal_places=2, null=True, blank=True)
    # Set when feedback is returned, cleared when the student opens it: "new feedback".
    feedback_unseen = models.BooleanField(default=False)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("submission")
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["student", "assignment"], name="one_submission_per_student_and_assignment"
            )
        ]
        indexes = [models.Index(fields=["cohort", "status", "submitted_at"])]

    def __str__(self):
        return f"{self.student} · {self.assignment_id}"

    def get_absolute_url(self):
        return f"/submissions/{self.pk}/"


class SubmissionVersion(models.Model):
    """One handing-in of the work, as it was sent. Never changed afterwards."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    text = models.TextField(blank=True)
    # Quiz answers keyed by question block id, and which of them were right.
    answers = models.JSONField(default=dict, blank=True)
    quiz_score = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    submitted_at = models.DateTimeField()
    is_late = models.BooleanField(default=False)
    # The form's one-time token: posting it again (double tap, retry) finds this
    # version instead of making a second one.
    token = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["submission", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "number"], name="one_version_number_per_submission"
            )
        ]

    def __str__(self):
        return f"{self.submission_id} v{self.number}"


class FeedbackStatus(models.TextChoices):
    RETURNED = SubmissionStatus.RETURNED.value, SubmissionStatus.RETURNED.label
    REVISION_REQUESTED = (
        SubmissionStatus.REVISION_REQUESTED.value,
        SubmissionStatus.REVISION_REQUESTED.label,
    )


class Feedback(models.Model):
    """A teacher's answer to one version: words, a score, maybe a voice comment."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="feedback")
    version = models.ForeignKey(
        SubmissionVersion, on_delete=models.CASCADE, related_name="feedback"
    )
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("feedback"), blank=True)
    score = models.DecimalField(_("score"), max_digits=6, decimal_places=2, null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=FeedbackStatus.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    token = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.submission_id} · {self.get_status_display()}"


class FileKind(models.TextChoices):
    PHOTO = "photo", _("Photo")
    AUDIO = "audio", _("Recording")


class SubmissionFile(models.Model):
    """A photo or recording of the student's (on a version) or a teacher's audio
    comment (on a feedback). Served only after checking who asks."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="files")
    version = models.ForeignKey(
        SubmissionVersion, on_delete=models.CASCADE, null=True, blank=True, related_name="files"
    )
    feedback = models.ForeignKey(
        Feedback, on_delete=models.CASCADE, null=True, blank=True, related_name="files"
    )
    kind = models.CharField(max_length=8, choices=FileKind.choices)
    file = models.FileField(storage=private_storage, upload_to="submissions/")
    content_type = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    duration_seconds = models.FloatField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(version__isnull=False, feedback__isnull=True)
                | Q(version__isnull=True, feedback__isnull=False),
                name="submission_file_belongs_to_work_or_feedback",
            )
        ]

    def __str__(self):
        return f"{self.submission_id} · {self.kind} {self.pk}"
