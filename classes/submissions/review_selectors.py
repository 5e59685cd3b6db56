"""Reads for reviewing students' work: a class's review queue, one submission with
its versions and feedback, the class's assignment table and the home panels.
Each is a fixed number of queries, whatever the size of the class."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy as _

from classes.models import Class, Enrollment, FileKind, Submission, SubmissionStatus
from classes.submissions.quiz import answer_texts
from packets.models import AssignmentPage, LevelSharedPacket, PacketPage
from packets.tree import by_parent, packet_of

# The queue's filters, in the order the page offers them; the first is the default.
QUEUE_STATUSES = (
    SubmissionStatus.SUBMITTED,
    SubmissionStatus.RETURNED,
    SubmissionStatus.REVISION_REQUESTED,
)
# Long StreamFields of an assignment that lists and tables never show.
ASSIGNMENT_TEXT = ("assignment__instructions", "assignment__questions")


def review_queue(class_, status=SubmissionStatus.SUBMITTED):
    """The class's handed-in work with this status: work awaiting feedback oldest
    first (it has waited longest), returned work newest first."""
    order = ("submitted_at", "pk") if status == SubmissionStatus.SUBMITTED else ("-submitted_at",)
    submissions = (
        Submission.objects.for_class(class_)
        .with_status(status)
        .select_related("student", "assignment")
        .defer(*ASSIGNMENT_TEXT)
        .annotate(packet_title=packet_of("assignment"))
        .order_by(*order)
    )
    return list(submissions)


def queue_counts(class_):
    """{status: how many of the class's submissions have it}, in one query."""
    rows = Submission.objects.for_class(class_).handed_in().values("status")
    counts = dict(rows.annotate(n=Count("pk")).values_list("status", "n").order_by())
    return {status: counts.get(status, 0) for status in QUEUE_STATUSES}


def next_awaiting(class_, after):
    """The work waiting longest in the class's queue, other than `after`."""
    waiting = Submission.objects.for_class(class_).awaiting_feedback().exclude(pk=after.pk)
    return waiting.order_by("submitted_at", "pk").only("pk").first()


# One submission


def viewable_submissions():
    return Submission.objects.select_related("student", "cohort", "assignment").defer(
        "assignment__instructions"
    )


@dataclass
class VersionView:
    """A version with its photos, recording, quiz answers and the feedback on it."""

    version: object
    photos: list
    recordings: list
    answers: list
    feedback: list


def versions_with_feedback(submission, show_right_answers=False):
    """The submission's versions, newest first, each with its files and feedback."""
    versions = list(submission.versions.prefetch_related("files").order_by("-number"))
    feedback = defaultdict(list)
    for item in submission.feedback.select_related("teacher").prefetch_related("files"):
        feedback[item.version_id].append(item)
    views = []
    for version in versions:
        files = list(version.files.all())
        views.append(
            VersionView(
                version=version,
                photos=[f for f in files if f.kind == FileKind.PHOTO],
                recordings=[f for f in files if f.kind == FileKind.AUDIO],
                answers=quiz_answers(submission.assignment, version.answers, show_right_answers),
                feedback=feedback[version.pk],
            )
        )
    return views


@dataclass
class AnswerRow:
    prompt: str
    given: str
    correct: bool
    right_answer: str


def quiz_answers(assignment, answers, show_right_answers):
    """One row per question the student answered, in the quiz's order, with the
    text of the chosen answer (a multiple choice answer is stored as its index)."""
    if not answers:
        return []
    rows = []
    for block in assignment.questions:
        answer = answers.get(block.id)
        if answer is None:
            continue
        given, right = answer_texts(block, answer["given"])
        rows.append(
            AnswerRow(
                prompt=block.value["prompt"],
                given=given,
                correct=answer["correct"],
                right_answer=right if show_right_answers else "",
            )
        )
    return rows


# The class's assignment table


def level_packets(level):
    """The level's live packets by number, then live packets shared into it."""
    own = list(
        PacketPage.objects.live().in_levels([level]).defer_streamfields().order_by("number", "pk")
    )
    shared = (
        LevelSharedPacket.objects.filter(level=level, packet__live=True)
        .select_related("packet")
        .defer("packet__body", "packet__notes")
        .order_by("sort_order", "pk")
    )
    seen = {packet.pk for packet in own}
    return own + [link.packet for link in shared if link.packet.pk not in seen]


def live_assignments(packets):
    """{packet: [its live assignments by due date]} for these packets, in one query."""
    if not packets:
        return {}
    assignments = AssignmentPage.objects.live().in_packets(packets).defer_streamfields()
    order = (F("due_date").asc(nulls_last=True), "title", "pk")
    grouped = by_parent(assignments.order_by(*order), packets)
    return {packet: children for packet, children in grouped.items() if children}


@dataclass
class Cell:
    """Where one student's work on one assignment stands, as the table shows it."""

    state: str
    label: str
    score: object = None
    submission_id: int | None = None


NOT_STARTED = ("not_started", _("Not started"))
LATE = ("late", _("Late"))


def cell_for(submission):
    if submission is None:
        return Cell(*NOT_STARTED)
    status = SubmissionStatus(submission["status"])
    state, label = status.value, status.label
    if status == SubmissionStatus.SUBMITTED and submission["is_late"]:
        state, label = LATE
    link = submission["pk"] if status != SubmissionStatus.DRAFT else None
    return Cell(state, label, submission["score"], link)


@dataclass
class AssignmentTable:
    packets: list  # [(packet, [assignment])]
    assignments: list
    rows: list  # [(student, [Cell])], one cell per assignment


def assignment_table(class_):
    """Every active student × every live assignment of the class's level."""
    packets = live_assignments(level_packets(class_.level))
    assignments = [a for packet_assignments in packets.values() for a in packet_assignments]
    students = [
        e.student
        for e in Enrollment.objects.active()
        .for_class(class_)
        .select_related("student")
        .order_by("student__display_name", "student__username")
    ]
    found = {}
    if assignments and students:
        rows = Submission.objects.for_class(class_).filter(
            assignment__in=[a.pk for a in assignments]
        )
        for row in rows.values("pk", "student_id", "assignment_id", "status", "is_late", "score"):
            found[(row["student_id"], row["assignment_id"])] = row
    rows = [
        (student, [cell_for(found.get((student.pk, a.pk))) for a in assignments])
        for student in students
    ]
    return AssignmentTable(list(packets.items()), assignments, rows)


# Home panels


def classes_with_work_to_review(teacher):
    """The teacher's classes with work awaiting feedback, and how much, in one query."""
    awaiting = Count("submissions", filter=Q(submissions__status=SubmissionStatus.SUBMITTED))
    classes = Class.objects.taught_by(teacher).annotate(awaiting=awaiting).filter(awaiting__gt=0)
    return list(classes.order_by("name", "pk"))


def new_feedback(student):
    """The student's work with feedback they have not opened yet, newest first."""
    submissions = (
        Submission.objects.of_student(student)
        .with_new_feedback()
        .select_related("assignment")
        .defer(*ASSIGNMENT_TEXT)
        .order_by("-updated_at", "-pk")
    )
    return list(submissions)
