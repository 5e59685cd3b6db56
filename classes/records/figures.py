"""The figures of the records dashboard, for a level, a class, a student or all
of them together, over a period. Definitions: docs/records.md, "Dashboard figures".

Two steps, so that a page costs the same number of SQL queries however many
levels, classes and students it covers:

- `load_records(classes, period)` runs one query per kind of record (classes,
  enrollments, attendance, assignments due, handed-in work, feedback, flashcards,
  assessments), each aggregated in the database per class and student;
- `figures(data, cohort_ids, students=None)` adds those rows up in Python for one
  column of a table: a level is its classes, a class itself, a student one
  class and one student, the total every class shown. Medians come from the
  per-student rows.
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import (
    Count,
    Exists,
    ExpressionWrapper,
    FloatField,
    Func,
    OuterRef,
    Q,
    Sum,
)
from django.db.models.functions import Cast, Left, Length
from django.utils import timezone
from wagtail.models import Page

from classes.attendance import as_hours, is_participant
from classes.models import (
    Attendance,
    AttendanceStatus,
    Class,
    Enrollment,
    Feedback,
    Submission,
)
from classes.models.attendance import ATTENDED
from classes.models.sessions import starts_between
from classes.records import gains
from packets.models import AssignmentPage, FlashcardProgress

# ---------------------------------------------------------------- the period


def classes_in_period(classes, period):
    """Classes whose term overlaps the period."""
    return classes.filter(term_start__lte=period.last_day, term_end__gte=period.first_day)


def counted_enrollments(classes, period):
    """Enrollments that count in the period: not ended (withdrawn, completed)
    before its first day. When a student joined is not asked: rosters are often
    entered after the first sessions."""
    return Enrollment.objects.filter(cohort__in=classes).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=period.first_day)
    )


# ---------------------------------------------------------------- loading


@dataclass(frozen=True)
class AttendanceRow:
    attended: int  # present or late
    missed: int  # absent (excused records count in neither)
    minutes: int  # minutes attended: the contact time


@dataclass(frozen=True)
class WorkRow:
    handed_in: int
    on_time: int
    score_total: float  # sum of score ÷ points, in percent
    scored: int


@dataclass
class RecordData:
    """Everything the figures are made of, for a set of classes and a period."""

    period: object
    classes: dict  # id → Class (level selected)
    enrollments: dict  # class id → [(student id, ended_on or None)]
    attendance: dict  # class id → {student id: AttendanceRow}
    due_dates: dict  # level id → [due date of each live assignment due in the period]
    work: dict  # class id → {student id: WorkRow}
    feedback: dict  # class id → [(student id, hours to first feedback)]
    flashcards: dict  # (level id, student id) → cards practised
    tests: dict  # student id → gains.Outcome (students with a test in the period)


def load_records(classes, period) -> RecordData:
    """`classes`: a queryset of the classes in scope (already limited to the period)."""
    class_rows = {c.pk: c for c in classes.select_related("level").order_by("name", "pk")}
    levels = {c.level_id: c.level for c in class_rows.values()}
    enrollments = counted_enrollments(classes, period)
    students = enrollments.values("student_id")
    return RecordData(
        period=period,
        classes=class_rows,
        enrollments=enrollment_rows(enrollments),
        attendance=attendance_rows(classes, period),
        due_dates=due_dates(levels.values(), period),
        work=work_rows(classes, period, {c.pk: c.level.path for c in class_rows.values()}),
        feedback=feedback_waits(classes, period),
        flashcards=flashcard_rows(students, levels.values(), period),
        tests=gains.outcomes_by_student(students, period),
    )


def enrollment_rows(enrollments):
    by_class = defaultdict(list)
    for cohort_id, student_id, ended_on in enrollments.values_list(
        "cohort_id", "student_id", "ended_on"
    ):
        by_class[cohort_id].append((student_id, ended_on))
    return by_class


def counted_attendance(classes, period):
    """Records of held sessions (not cancelled, begun) of these classes in the period."""
    return (
        Attendance.objects.filter(session__cohort__in=classes)
        .in_held_sessions()
        .between(period.first_day, period.last_day)
        .order_by()
    )


ATTENDANCE_SUMS = {
    "attended": Count("pk", filter=Q(status__in=ATTENDED)),
    "missed": Count("pk", filter=Q(status=AttendanceStatus.ABSENT)),
    "minutes": Sum("minutes", filter=Q(status__in=ATTENDED), default=0),
}


def attendance_rows(classes, period):
    rows = (
        counted_attendance(classes, period)
        .values("session__cohort_id", "student_id")
        .annotate(**ATTENDANCE_SUMS)
    )
    by_class = defaultdict(dict)
    for row in rows:
        by_class[row["session__cohort_id"]][row["student_id"]] = AttendanceRow(
            row["attended"], row["missed"], row["minutes"]
        )
    return by_class


def due_dates(levels, period):
    """Live assignments due in the period, by level (an assignment's grandparent)."""
    by_path = {level.path: level.pk for level in levels}
    if not by_path:
        return {}
    assignments = AssignmentPage.objects.live().filter(
        due_date__gte=period.first_day, due_date__lte=period.last_day
    )
    dates = defaultdict(list)
    for path, due in assignments.values_list("path", "due_date"):
        level_id = by_path.get(path[: -2 * Page.steplen])
        if level_id is not None:
            dates[level_id].append(due)
    return dates


def expected_of_enrollment():
    """The submission's assignment was due while the student was in the class."""
    return Exists(
        Enrollment.objects.filter(student=OuterRef("student"), cohort=OuterRef("cohort")).filter(
            Q(ended_on__isnull=True) | Q(ended_on__gte=OuterRef("assignment__due_date"))
        )
    )


def score_percent():
    return ExpressionWrapper(
        Cast("score", FloatField()) * 100.0 / Cast("assignment__points", FloatField()),
        output_field=FloatField(),
    )


SCORED = Q(score__isnull=False, assignment__points__gt=0)


def work_rows(classes, period, level_paths):
    """Handed-in work on live assignments due in the period, per class and
    student, counting only work expected of the student (see docs) on the
    class's own level: `level_paths` maps class id → its level's page path.

    "On time" goes by the first version (numbered 1), joined rather than looked
    up per row; the assignment's level (its grandparent page) is grouped on and
    compared here, which is cheaper than comparing paths row by row."""
    rows = (
        Submission.objects.handed_in()
        .filter(
            cohort__in=classes,
            assignment__live=True,
            assignment__due_date__gte=period.first_day,
            assignment__due_date__lte=period.last_day,
            versions__number=1,
        )
        .filter(expected_of_enrollment())
        .values(
            "cohort_id",
            "student_id",
            level_path=Left("assignment__path", Length("assignment__path") - 2 * Page.steplen),
        )
        .annotate(
            handed_in=Count("pk"),
            on_time=Count("pk", filter=Q(versions__is_late=False)),
            score_total=Sum(score_percent(), filter=SCORED, default=0.0),
            scored=Count("pk", filter=SCORED),
        )
        .order_by()
    )
    by_class = defaultdict(dict)
    for row in rows:
        if row["level_path"] == level_paths.get(row["cohort_id"]):
            by_class[row["cohort_id"]][row["student_id"]] = WorkRow(
                row["handed_in"], row["on_time"], row["score_total"], row["scored"]
            )
    return by_class


class HoursBetween(Func):
    """Hours from one datetime column to another, computed by the database (a
    per-row conversion in Python made the dashboard seconds slower)."""

    output_field = FloatField()

    def __init__(self, start, end):
        super().__init__(end, start)

    def as_sqlite(self, compiler, connection, **extra):
        template = "((julianday(%(expressions)s)) * 24.0)"
        return self.as_sql(compiler, connection, template=template, arg_joiner=") - julianday(")

    def as_postgresql(self, compiler, connection, **extra):
        template = "(EXTRACT(EPOCH FROM (%(expressions)s)) / 3600.0)"
        return self.as_sql(compiler, connection, template=template, arg_joiner=" - ")


def feedback_waits(classes, period):
    """For each version whose first feedback was given in the period: the hours
    the student waited for it, by class and student."""
    earlier = Feedback.objects.filter(
        version=OuterRef("version"), created_at__lt=OuterRef("created_at")
    )
    rows = (
        Feedback.objects.filter(submission__cohort__in=classes)
        .filter(starts_between("created_at", period.first_day, period.last_day))
        .filter(~Exists(earlier))
        .annotate(wait=HoursBetween("version__submitted_at", "created_at"))
        .values_list("submission__cohort_id", "submission__student_id", "wait")
        .order_by()
    )
    by_class = defaultdict(list)
    for cohort_id, student_id, wait in rows:
        by_class[cohort_id].append((student_id, wait))
    return by_class


def flashcard_rows(students, levels, period):
    """Cards whose latest review fell in the period, per level (the packet's
    parent) and student."""
    by_path = {level.path: level.pk for level in levels}
    if not by_path:
        return {}
    rows = (
        FlashcardProgress.objects.filter(student_id__in=students)
        .filter(starts_between("last_review", period.first_day, period.last_day))
        .annotate(level_path=Left("packet__path", Length("packet__path") - Page.steplen))
        .values("level_path", "student_id")
        .annotate(cards=Count("pk"))
        .order_by()
    )
    cards = {}
    for row in rows:
        level_id = by_path.get(row["level_path"])
        if level_id is not None:
            cards[(level_id, row["student_id"])] = row["cards"]
    return cards


# ---------------------------------------------------------------- figuring


def percent(part, whole):
    return None if not whole else 100 * part / whole


@dataclass
class Figures:
    """One column of the dashboard. Rates are percents (0–100) or None when
    there is nothing to divide by."""

    classes: int = 0
    active_students: int = 0
    attended: int = 0
    missed: int = 0
    minutes: int = 0
    median_hours: Decimal | None = None
    participants: int = 0
    expected_work: int = 0
    handed_in: int = 0
    on_time: int = 0
    score_total: float = 0.0
    scored: int = 0
    median_feedback_hours: float | None = None
    flashcards: int = 0
    post_tested: int = 0
    gains: int = 0
    hours_by_student: dict = field(default_factory=dict, repr=False)

    @property
    def attendance_rate(self):
        return percent(self.attended, self.attended + self.missed)

    @property
    def contact_hours(self):
        return as_hours(self.minutes)

    @property
    def completion_rate(self):
        return percent(self.handed_in, self.expected_work)

    @property
    def on_time_rate(self):
        return percent(self.on_time, self.handed_in)

    @property
    def average_score(self):
        return None if not self.scored else self.score_total / self.scored

    @property
    def gains_percent(self):
        return percent(self.gains, self.participants)


def enrollment_ends(data, cohort_ids, students=None):
    """{(level id, student id): the day their last enrollment there ended, or None
    while one is open}, over the given classes."""
    ends = {}
    for cohort_id in cohort_ids:
        level_id = data.classes[cohort_id].level_id
        for student_id, ended_on in data.enrollments.get(cohort_id, ()):
            if students is not None and student_id not in students:
                continue
            key = (level_id, student_id)
            if key not in ends:
                ends[key] = ended_on
            elif ends[key] is not None:
                ends[key] = None if ended_on is None else max(ends[key], ended_on)
    return ends


def expected_work(data, ends):
    return sum(
        sum(1 for due in data.due_dates.get(level_id, ()) if end is None or due <= end)
        for (level_id, _student), end in ends.items()
    )


def median_hours(minutes_by_student):
    if not minutes_by_student:
        return None
    return as_hours(Decimal(str(statistics.median(minutes_by_student.values()))))


def add_attendance(result, data, cohort_ids, members):
    minutes = dict.fromkeys(members, 0)
    for cohort_id in cohort_ids:
        for student_id, row in data.attendance.get(cohort_id, {}).items():
            if student_id in members:
                result.attended += row.attended
                result.missed += row.missed
                minutes[student_id] += row.minutes
    result.minutes = sum(minutes.values())
    result.median_hours = median_hours(minutes)
    result.hours_by_student = {s: as_hours(m) for s, m in minutes.items()}
    result.participants = sum(1 for h in result.hours_by_student.values() if is_participant(h))


def add_work(result, data, cohort_ids, members, ends):
    result.expected_work = expected_work(data, ends)
    for cohort_id in cohort_ids:
        for student_id, row in data.work.get(cohort_id, {}).items():
            if student_id in members:
                result.handed_in += row.handed_in
                result.on_time += row.on_time
                result.score_total += row.score_total
                result.scored += row.scored
    waits = [
        wait
        for cohort_id in cohort_ids
        for student_id, wait in data.feedback.get(cohort_id, ())
        if student_id in members
    ]
    result.median_feedback_hours = statistics.median(waits) if waits else None


def add_tests(result, data, members):
    for student_id in members:
        tests = data.tests.get(student_id, gains.NO_TESTS)
        if tests.post_tested:
            result.post_tested += 1
            if tests.gain and is_participant(result.hours_by_student[student_id]):
                result.gains += 1


def figures(data: RecordData, cohort_ids, students=None) -> Figures:
    """The figures of these classes (and only these students, if given)."""
    cohort_ids = set(cohort_ids) & set(data.classes)
    ends = enrollment_ends(data, cohort_ids, students)
    members = {student_id for _level, student_id in ends}
    result = Figures(classes=len(cohort_ids), active_students=len(members))
    add_attendance(result, data, cohort_ids, members)
    add_work(result, data, cohort_ids, members, ends)
    result.flashcards = sum(data.flashcards.get(key, 0) for key in ends)
    add_tests(result, data, members)
    return result


# ---------------------------------------------------------------- columns


@dataclass
class Column:
    """A column of a records table: a level, a class, a student or the total."""

    label: str
    figures: Figures
    level: object = None
    class_: Class | None = None


def level_columns(data, levels):
    """One column per level, in the given order, also for a level with no class
    in the period (its figures are zeros and dashes)."""
    by_level = defaultdict(set)
    for class_ in data.classes.values():
        by_level[class_.level_id].add(class_.pk)
    return [Column(level.title, figures(data, by_level[level.pk]), level=level) for level in levels]


def class_columns(data):
    return [
        Column(class_.name, figures(data, {class_.pk}), class_=class_)
        for class_ in data.classes.values()
    ]


def total_figures(data):
    return figures(data, set(data.classes))


# ---------------------------------------------------------------- weekly trends


@dataclass(frozen=True)
class Week:
    monday: date
    attended: int = 0
    missed: int = 0
    minutes: int = 0

    @property
    def attendance_rate(self):
        return percent(self.attended, self.attended + self.missed)

    @property
    def contact_hours(self):
        return as_hours(self.minutes)


def mondays(period):
    monday = period.first_day - timedelta(days=period.first_day.weekday())
    while monday <= period.last_day:
        yield monday
        monday += timedelta(weeks=1)


def weekly_attendance(classes, period) -> list[Week]:
    """Attendance per week (Monday to Sunday, local dates) over the period; weeks
    without a held session have zeros. The database sums per session start (one
    query; classes meeting at the same time share a row) and Python folds the
    starts into local weeks: converting every record's time in the database
    cost seconds on SQLite."""
    starts = (
        counted_attendance(classes, period)
        .values("session__starts_at")
        .annotate(**ATTENDANCE_SUMS)
        .order_by()
    )
    days = ({**row, "day": timezone.localtime(row["session__starts_at"]).date()} for row in starts)
    return fold_weeks(days, period)


def fold_weeks(days, period):
    weeks = {monday: [0, 0, 0] for monday in mondays(period)}
    for row in days:
        monday = row["day"] - timedelta(days=row["day"].weekday())
        sums = weeks.setdefault(monday, [0, 0, 0])
        sums[0] += row["attended"]
        sums[1] += row["missed"]
        sums[2] += row["minutes"]
    return [Week(monday, *sums) for monday, sums in sorted(weeks.items())]
