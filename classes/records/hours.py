"""Hours of three kinds, side by side wherever hours appear (docs/records.md,
"Hours of three kinds"):

- **in person**: minutes attended in sessions of a class that meets in person
  or hybrid (a hybrid class's roll does not say who joined from home, so its
  sessions count as in person);
- **live virtual**: minutes attended in sessions of an online class;
- **proxy**: distance-learning hours earned by work in Harbor
  (classes/records/proxy.py), each from the work that earned it.

The kind of attended minutes is the class's mode: known from the class row the
pages load anyway, so splitting costs no query. Proxy hours for many students
cost the queries of `proxy_by_student` and one more, which says in which class
each piece of work was handed in.
"""

from collections import defaultdict
from dataclasses import dataclass

from classes.attendance import as_hours
from classes.models import ClassMode, Submission
from classes.records.proxy import proxy_by_student

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


def in_period(item, period):
    return period is None or period.first_day <= item.day <= period.last_day


def proxy_items_by_class(student_ids, classes, period=None):
    """{class id: {student id: [ProxyItem]}} for these students (ids or a subquery)
    from their work in `classes` (a queryset), earned in `period` (any time if
    None). Each item counts for the class the work was handed in to; an item not
    from a piece of work handed in to one of `classes` is left out.
    The queries of proxy_by_student, and one."""
    found = proxy_by_student(student_ids, classes)
    cohort_of = dict(
        Submission.objects.filter(student_id__in=student_ids, cohort__in=classes)
        .order_by()
        .values_list("pk", "cohort_id")
    )
    by_class = defaultdict(lambda: defaultdict(list))
    for student_id, items in found.items():
        for item in items:
            cohort_id = cohort_of.get(getattr(item, "submission_id", None))
            if cohort_id is not None and in_period(item, period):
                by_class[cohort_id][student_id].append(item)
    return by_class


def proxy_minutes_by_class(student_ids, classes, period=None):
    """{class id: {student id: proxy minutes}}: `proxy_items_by_class`, added up."""
    return {
        cohort_id: {student_id: sum(i.minutes for i in items) for student_id, items in rows.items()}
        for cohort_id, rows in proxy_items_by_class(student_ids, classes, period).items()
    }
