"""A student's record: what the record page and the printed record of
participation show. Each read is one query, whatever the length of the history."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Count, Max, Min, Prefetch, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from classes.access import can_read_loans_of
from classes.attendance import as_hours
from classes.loans import selectors as loans
from classes.models import Assessment, Attendance, Enrollment, Feedback, Submission
from classes.records import gains
from classes.records.figures import figures
from classes.records.filters import Period
from classes.records.hours import HoursByKind, proxy_minutes_by_class
from classes.records.period_data import periods_of_student
from classes.records.periods import gains_by_period
from classes.records.proxy import ProxyModel, proxy_by_student
from classes.records.rules import nrs_rules
from packets.models import FlashcardProgress, LevelPage, PacketPage


def enrollments(student, classes=None):
    """The student's classes (only these, if given), newest term first."""
    rows = Enrollment.objects.of_student(student).select_related("cohort__level")
    if classes is not None:
        rows = rows.filter(cohort__in=classes)
    return list(rows.order_by("-cohort__term_start", "cohort__name"))


def attendance_history(student, classes):
    """Every attendance record in these classes, newest first (cancelled sessions
    included and marked: their minutes do not count, nor those of sessions to come)."""
    return list(
        Attendance.objects.of_student(student)
        .filter(session__cohort__in=classes)
        .select_related("session__cohort")
        .order_by("-session__starts_at")
    )


def minutes_by_class(history):
    """{class id: contact minutes} from the history already loaded."""
    minutes, now = defaultdict(int), timezone.now()
    for record in history:
        if record.counts_for_hours(now):
            minutes[record.session.cohort_id] += record.minutes
    return minutes


def with_hours(enrollments, history, proxy=()):
    """The enrollments, each with `.hours`: its class's contact hours in the history,
    and `.by_kind`: its hours in person, live virtual and proxy (HoursByKind) from
    the history and the proxy work already loaded (`proxy_work`)."""
    attended = minutes_by_class(history)
    proxy_minutes = defaultdict(int)
    for row in proxy:
        proxy_minutes[row.submission.cohort_id] += row.item.minutes
    for enrollment in enrollments:
        enrollment.hours = as_hours(attended[enrollment.cohort_id])
        enrollment.by_kind = HoursByKind(proxy_minutes=proxy_minutes[enrollment.cohort_id])
        enrollment.by_kind.add_attended(enrollment.cohort.mode, attended[enrollment.cohort_id])
    return enrollments


@dataclass(frozen=True)
class ProxyWork:
    """A proxy item on the record, beside the work that earned it."""

    item: object  # proxy.ProxyItem
    submission: Submission

    @property
    def hours(self):
        return as_hours(self.item.minutes)

    @property
    def model_label(self):
        return ProxyModel(self.item.model).label if self.item.model in ProxyModel else ""


def proxy_work(student, classes, work):
    """[ProxyWork], newest first: each proxy hour the student earned in
    these classes beside the work that earned it, from the work already loaded
    (`work_with_feedback`). The queries of proxy_by_student (three)."""
    submissions = {submission.pk: submission for submission in work}
    items = proxy_by_student([student.pk], classes).get(student.pk, [])
    found = [
        ProxyWork(item, submissions[item.submission_id])
        for item in items
        if getattr(item, "submission_id", None) in submissions
    ]
    return list(reversed(found))


def work_with_feedback(student, classes):
    feedback = Feedback.objects.select_related("teacher", "version").order_by("created_at")
    return list(
        Submission.objects.of_student(student)
        .filter(cohort__in=classes)
        .select_related("assignment", "cohort")
        .prefetch_related(Prefetch("feedback", queryset=feedback))
        .order_by("-submitted_at", "-pk")
    )


def assessments(student):
    return list(
        Assessment.objects.of_student(student)
        .select_related("recorded_by")
        .order_by("-taken_on", "-pk")
    )


def nrs_assessments(student):
    """The student's results the NRS counts (approved tests), as gains.Result."""
    rows = Assessment.objects.of_student(student).counted_for_nrs()
    return [gains.Result(*row) for row in rows.values_list("pk", "taken_on", "phase", "nrs_level")]


def flashcard_practice(student, classes, everything=False):
    """Per packet: cards practised, reviews, times forgotten and the latest review;
    in the levels of `classes` only, unless `everything` (managers)."""
    progress = FlashcardProgress.objects.of_student(student)
    if not everything:
        levels = LevelPage.objects.filter(pk__in=classes.values("level_id"))
        # A teacher sees practice in their levels only.
        progress = progress.filter(packet__in=PacketPage.objects.in_levels(levels).values("pk"))
    return list(
        progress.values("packet_id", "packet__title")
        .annotate(
            cards=Count("pk"),
            reviews=Sum("reviews"),
            lapses=Sum("lapses"),
            latest=Max("last_review"),
        )
        .order_by("-latest")
    )


@dataclass
class PeriodRow:
    """A period of participation on the record, with whether it made a gain."""

    period: object
    gain: bool
    distance_learner: bool = False


def periods(student, classes, results=(), period=None):
    """The student's periods of participation in these classes, newest first (only
    those overlapping `period`, if given), each with its measurable skill gain
    (at most one) from the test results already loaded, and whether the student
    was a distance learner in it. Five queries."""
    found = periods_of_student(student, classes)
    if period is not None:
        found = [
            p
            for p in found
            if p.start <= period.last_day and (p.exit_date or period.first_day) >= period.first_day
        ]
    rules = nrs_rules()
    return [
        PeriodRow(p, gain, p.is_distance_learner(rules))
        for p, gain in reversed(gains_by_period(results, found))
    ]


@dataclass
class Participation:
    """One class on the record of participation."""

    enrollment: Enrollment
    sessions: int
    hours: Decimal  # attended
    first_day: date | None
    last_day: date | None
    by_kind: HoursByKind | None = None  # in person, live virtual and proxy


def participation(student, classes, period: Period | None = None):
    """Hours attended per class (the student's classes among `classes`: a teacher
    prints only what happened in their own), with the dates of the first and last
    session attended, and the hours of each kind (proxy hours by the class the
    work was handed in to); limited to a period if one is given."""
    records = Attendance.objects.of_student(student).counted().filter(session__cohort__in=classes)
    if period is not None:
        records = records.between(period.first_day, period.last_day)
    day = TruncDate("session__starts_at", tzinfo=timezone.get_default_timezone())
    totals = {
        row["session__cohort_id"]: row
        for row in records.values("session__cohort_id")
        .annotate(sessions=Count("pk"), minutes=Sum("minutes"), first=Min(day), last=Max(day))
        .order_by()
    }
    proxy = proxy_minutes_by_class([student.pk], classes, period)
    rows = []
    for enrollment in enrollments(student, classes):
        total = totals.get(enrollment.cohort_id, {})
        proxy_minutes = proxy.get(enrollment.cohort_id, {}).get(student.pk, 0)
        if not total and not proxy_minutes and period is not None:
            continue  # nothing attended or earned in the chosen period
        by_kind = HoursByKind(proxy_minutes=proxy_minutes)
        by_kind.add_attended(enrollment.cohort.mode, total.get("minutes", 0))
        rows.append(
            Participation(
                enrollment,
                total.get("sessions", 0),
                as_hours(total.get("minutes", 0)),
                total.get("first"),
                total.get("last"),
                by_kind,
            )
        )
    return rows


def total_by_kind(rows):
    """The hours of each kind of the record of participation's rows together."""
    total = HoursByKind()
    for row in rows:
        total.in_person_minutes += row.by_kind.in_person_minutes
        total.live_virtual_minutes += row.by_kind.live_virtual_minutes
        total.proxy_minutes += row.by_kind.proxy_minutes
    return total


def enrollments_of_class(class_, data):
    """The class's enrollments that count in the loaded period, by name."""
    counted = {student_id for student_id, _end in data.enrollments.get(class_.pk, ())}
    return list(
        Enrollment.objects.for_class(class_)
        .filter(student_id__in=counted)
        .select_related("student")
        .order_by("student__display_name", "student__username")
    )


@dataclass
class StudentRow:
    enrollment: Enrollment
    figures: object
    tests: gains.Outcome

    @property
    def participant(self):
        return self.figures.participants == 1


def student_rows(class_, people, data):
    """One row per student of the class: their figures in this class and their tests."""
    return [
        StudentRow(
            enrollment,
            figures(data, {class_.pk}, students={enrollment.student_id}),
            data.tests.get(enrollment.student_id, gains.NO_TESTS),
        )
        for enrollment in people
    ]


def with_names(entries, shown=10):
    """Each audit entry with `.people`: (id, name) of its first `shown` students,
    and `.more`: how many others. One query for every entry's names."""
    entries = list(entries)
    ids = {pk for entry in entries for pk in entry.student_ids[:shown]}
    people = get_user_model().objects.filter(pk__in=ids).only("display_name", "username")
    names = {person.pk: person.name for person in people}
    for entry in entries:
        entry.people = [(pk, names.get(pk, f"#{pk}")) for pk in entry.student_ids[:shown]]
        entry.more = max(0, len(entry.student_ids) - shown)
    return entries


def device_loans(viewer, student):
    """The devices lent to the student and whether they said they have none,
    for those who may read their loans (classes/access.py); else nothing."""
    if not can_read_loans_of(viewer, student):
        return {}
    return {
        "device_loans": loans.loans_of_student(student),
        "no_device": loans.has_no_device(student),
        "shows_loans": True,
    }
