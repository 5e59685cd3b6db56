"""The figures of the records dashboard, for a level, a class, a student or all
of them together, over a period. Definitions: docs/records.md, "Dashboard figures".

Two steps, so that a page costs the same number of SQL queries however many
levels, classes and students it covers:

- `load_records(classes, period)` runs one query per kind of record (classes,
  enrollments, attendance, assignments due, handed-in work, feedback, flashcards,
  assessments, and the three of proxy hours), each aggregated in the database
  per class and student, or per piece of work for proxy hours;
- `figures(data, cohort_ids, students=None)` adds those rows up in Python for one
  column of a table: a level is its classes, a class itself, a student one
  class and one student, the total every class shown. Medians come from the
  per-student rows.

Each kind of record is loaded and added up in the module of its concept:
`attendance_figures` (attendance and contact hours, and the weekly trends),
`work_figures` (work due and handed in, feedback, flashcards) and `gain_figures`
(tests and gains); this module assembles them into `Figures` and table `Column`s.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q

from classes.models import Class, Enrollment
from classes.records import gains
from classes.records.attendance_figures import (
    AttendanceRates,
    add_attendance,
    add_proxy,
    attendance_rows,
)
from classes.records.gain_figures import add_tests
from classes.records.hours import HoursByKind, proxy_minutes_by_class
from classes.records.rates import percent
from classes.records.work_figures import (
    add_work,
    due_dates,
    feedback_waits,
    flashcard_rows,
    work_rows,
)

# ---------------------------------------------------------------- the period


def classes_in_period(classes, period):
    """Classes whose term overlaps the period."""
    return classes.filter(term_start__lte=period.last_day, term_end__gte=period.first_day)


def not_ended_before(period):
    """An enrollment counts in the period unless it ended (withdrawn, completed)
    before its first day. When a student joined is not asked: rosters are often
    entered after the first sessions. The exports apply the same condition."""
    return Q(ended_on__isnull=True) | Q(ended_on__gte=period.first_day)


def counted_enrollments(classes, period):
    """Enrollments of these classes that count in the period."""
    return Enrollment.objects.filter(cohort__in=classes).filter(not_ended_before(period))


# ---------------------------------------------------------------- loading


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
    proxy: dict  # class id → {student id: proxy minutes earned in the period}


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
        proxy=proxy_minutes_by_class(students, classes, period),
    )


def enrollment_rows(enrollments):
    by_class = defaultdict(list)
    for cohort_id, student_id, ended_on in enrollments.values_list(
        "cohort_id", "student_id", "ended_on"
    ):
        by_class[cohort_id].append((student_id, ended_on))
    return by_class


# ---------------------------------------------------------------- figuring


@dataclass
class Figures(HoursByKind, AttendanceRates):
    """One column of the dashboard. Rates are percents (0–100) or None when
    there is nothing to divide by. Hours of each kind (in person, live virtual,
    proxy) come from HoursByKind; `minutes` are the attended ones (contact time)."""

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


def figures(data: RecordData, cohort_ids, students=None) -> Figures:
    """The figures of these classes (and only these students, if given)."""
    cohort_ids = set(cohort_ids) & set(data.classes)
    ends = enrollment_ends(data, cohort_ids, students)
    members = {student_id for _level, student_id in ends}
    result = Figures(classes=len(cohort_ids), active_students=len(members))
    add_attendance(result, data, cohort_ids, members)
    add_proxy(result, data, cohort_ids, members)
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
