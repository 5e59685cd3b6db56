"""What a student sees of their own work. Reads only; a constant number of
queries whatever the number of versions, files or assignments."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from classes.models import FileKind, Submission, SubmissionStatus, SubmissionVersion
from classes.submissions.quiz import answer_texts
from packets.assignment_rows import assignments_with

NOT_STARTED = "not_started"
STATUS_TEXT = {
    NOT_STARTED: _("Not handed in yet"),
    SubmissionStatus.DRAFT: _("Draft saved, not handed in yet"),
    SubmissionStatus.SUBMITTED: _("Submitted"),
    SubmissionStatus.RETURNED: _("Returned with feedback"),
    SubmissionStatus.REVISION_REQUESTED: _("Revision requested"),
}


@dataclass(frozen=True)
class QuizAnswer:
    prompt: str
    given: str
    correct: bool
    right_answer: str = ""  # shown once the work cannot be sent again


@dataclass
class StudentWork:
    """One student's work on one assignment, as their page shows it."""

    submission: Submission | None = None
    versions: list = field(default_factory=list)
    files: list = field(default_factory=list)  # of the latest version
    feedback: object = None  # the latest Feedback
    feedback_files: list = field(default_factory=list)
    feedback_is_new: bool = False

    @property
    def status(self):
        return self.submission.status if self.submission else NOT_STARTED

    @property
    def status_text(self):
        return STATUS_TEXT[self.status]

    @property
    def latest(self):
        return self.versions[-1] if self.versions else None

    @property
    def photos(self):
        return [f for f in self.files if f.kind == FileKind.PHOTO]

    @property
    def recordings(self):
        return [f for f in self.files if f.kind == FileKind.AUDIO]

    def text_to_continue(self):
        """The draft; else, when the work may be sent again, the text last sent."""
        if self.submission is None:
            return ""
        if self.submission.draft_text or self.latest is None:
            return self.submission.draft_text
        return self.latest.text if self.status != SubmissionStatus.RETURNED else ""

    def quiz_answers(self, assignment):
        """Each question of the latest hand-in, with what the student gave and whether
        it was right. The right answer to a wrong one is shown only once the work is
        returned: until then it may be sent again."""
        if self.latest is None or self.latest.quiz_score is None:
            return []
        final = self.status == SubmissionStatus.RETURNED
        return [self._answer(block, final) for block in assignment.questions]

    def _answer(self, block, final):
        answer = self.latest.answers.get(block.id, {})
        given, right = answer_texts(block, answer.get("given", ""))
        correct = bool(answer.get("correct"))
        shown = right if final and not correct else ""
        return QuizAnswer(block.value["prompt"], given, correct, shown)


def work_of(student, assignment):
    submission = Submission.objects.filter(student=student, assignment=assignment).first()
    if submission is None:
        return StudentWork()
    versions = list(submission.versions.all())
    feedback = (
        submission.feedback.select_related("teacher", "version").order_by("created_at", "pk").last()
    )
    return StudentWork(
        submission=submission,
        versions=versions,
        files=list(versions[-1].files.all()) if versions else [],
        feedback=feedback,
        feedback_files=list(feedback.files.all()) if feedback else [],
        feedback_is_new=submission.feedback_unseen,
    )


def version_with_token(student, token):
    """The student's hand-in made with this form's token, if it went through already."""
    return SubmissionVersion.objects.filter(token=token, submission__student=student).first()


def assignments_with_status(student, assignment_ids):
    """These live assignments' slug and title, each with `my_status`, `my_late`,
    `new_feedback` and `status_text` for this student: one query, whatever their
    number. Plain rows, not pages: this runs on every packet page a student opens
    (the query is written out in packets/assignment_rows.py)."""
    rows = assignments_with(
        Submission,
        assignment_ids,
        owner=("student", student.pk),
        columns=("status", "is_late", "feedback_unseen"),
    )
    return [
        {
            "slug": slug,
            "title": title,
            "my_status": status,
            "my_late": bool(late),
            "new_feedback": bool(unseen),
            "status_text": STATUS_TEXT[status or NOT_STARTED],
        }
        for slug, title, status, late, unseen in rows
    ]
