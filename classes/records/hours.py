"""Hours of three kinds, side by side wherever hours appear (docs/records.md,
"Hours of three kinds"):

- **in person**: minutes attended in sessions of a class that meets in person
  or hybrid (a hybrid class's roll does not say who joined from home, so its
  sessions count as in person);
- **live virtual**: minutes attended in sessions of an online class;
- **proxy**: distance-learning hours earned by work in Harbor
  (classes/records/proxy.py), each from the work that earned it.

The kind of attended minutes is the class's mode: known from the class row the
pages load anyway, so splitting costs no query. Proxy hours by class cost two
queries (returned work, passed quizzes; each row carries its class): clock time
is earned in a packet, not a class, so it never counts for a class.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count

from classes.attendance import as_hours
from classes.models import ClassMode, Submission
from classes.records.proxy import earned_submissions, proxy_rules

IN_PERSON, LIVE_VIRTUAL, PROXY = "in_person", "live_virtual", "proxy"


def attended_kind(mode):
    """The kind of hours a class's attended minutes are, by its mode."""
    return LIVE_VIRTUAL if mode == ClassMode.ONLINE else IN_PERSON


@dataclass
class HoursByKind:
    """Minutes of each kind, shown as hours."""

    in_person_minutes: int = 0
    live_virtual_minutes: int = 0
    proxy_minutes: int = 0

    def add_attended(self, mode, minutes):
        if attended_kind(mode) == LIVE_VIRTUAL:
            self.live_virtual_minutes += minutes
        else:
            self.in_person_minutes += minutes

    @property
    def in_person_hours(self):
        return as_hours(self.in_person_minutes)

    @property
    def live_virtual_hours(self):
        return as_hours(self.live_virtual_minutes)

    @property
    def proxy_hours(self):
        return as_hours(self.proxy_minutes)

    @property
    def total_minutes(self):
        return self.in_person_minutes + self.live_virtual_minutes + self.proxy_minutes

    @property
    def total_hours(self):
        return as_hours(self.total_minutes)


def proxy_minutes_by_class(student_ids, classes, period=None, rules=None):
    """{class id: {student id: proxy minutes}} for these students (ids or a
    subquery) from their work in `classes` (a queryset), earned in `period` (any
    time if None). Each piece of work counts for the class it was handed in to.
    The same rules as proxy_by_student's items (proxy.earned_submissions),
    counted per class and student in the database: the year's dashboard has
    35,000 pieces of returned work, a row each would cost it half a second on
    PostgreSQL (docs/BENCHMARKS.md, "Records"). Two queries."""
    rules = rules or proxy_rules()
    by_class = defaultdict(lambda: defaultdict(int))
    for submissions, minutes_field in earned_submissions(student_ids, classes, rules, period):
        minutes = getattr(rules, minutes_field)
        counts = (
            Submission.objects.filter(pk__in=submissions)
            .values_list("cohort_id", "student_id")
            .annotate(count=Count("pk"))
            .order_by()
        )
        for cohort_id, student_id, count in counts:
            by_class[cohort_id][student_id] += count * minutes
    return {cohort_id: dict(rows) for cohort_id, rows in by_class.items()}
