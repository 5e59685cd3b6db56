"""Loading what periods of participation are computed from: three queries for one
student or for many (attendance, enrollments, sessions), whatever their history.
Computed on every read from the tables, so they follow every change to the roll,
the enrollments or the schedule (records are queries, never copies)."""

from collections import defaultdict

from django.db.models import Q
from django.utils import timezone

from classes.models import Attendance, ClassMode, Enrollment, Session
from classes.records.days import local_day
from classes.records.periods import PROXY, Service, Span, periods_of_participation
from classes.records.proxy import proxy_by_student
from classes.records.rules import nrs_rules


def counted_records(student_ids, classes=None):
    records = Attendance.objects.filter(student_id__in=student_ids).counted()
    if classes is not None:
        records = records.filter(session__cohort__in=classes)
    return records


def enrollment_spans(student_ids, classes=None):
    enrollments = Enrollment.objects.filter(student_id__in=student_ids)
    if classes is not None:
        enrollments = enrollments.filter(cohort__in=classes)
    return enrollments


def session_days(records, enrollments):
    """{session id: (class id, local date, online?)} of the sessions attended in
    these records and of every session (held or to come) of these enrollments'
    classes, in one query. A local date per session, not per record: turning
    200,000 stored moments into local dates cost seconds on SQLite (a Python
    function per row)."""
    rows = (
        Session.objects.filter(
            Q(pk__in=records.values("session_id"))
            | Q(cohort__in=enrollments.values("cohort_id"), cancelled=False)
        )
        .values_list("pk", "cohort_id", "cohort__mode")
        .annotate(day=local_day("starts_at"))
        .order_by()
    )
    return {pk: (cohort_id, day, mode == ClassMode.ONLINE) for pk, cohort_id, mode, day in rows}


def attended_service(records, sessions):
    """{student id: [(class id, Service)]}: attended minutes in held sessions (the
    contact-hour rule of Attendance.counted()), one per session, marked remote
    for an online class (live virtual hours, classes/records/hours.py)."""
    by_student, made = defaultdict(list), {}
    rows = records.values_list("student_id", "session_id", "minutes").order_by()
    for student_id, session_id, minutes in rows:
        # One item per session and minutes, shared by the students who attended
        # it for as long (most of a class): a Service is immutable, and making
        # 200,000 of them was half a second of the NRS page.
        item = made.get((session_id, minutes))
        if item is None:
            if session_id not in sessions:  # its first roll was taken after they were read
                continue
            cohort_id, day, remote = sessions[session_id]
            item = made[session_id, minutes] = (cohort_id, Service(day, minutes, remote=remote))
        by_student[student_id].append(item)
    return by_student


def class_days(sessions):
    """{class id: {local date}} of the sessions: a class's meeting days (attended
    sessions are held, so none of them is cancelled)."""
    by_class = defaultdict(set)
    for cohort_id, day, _remote in sessions.values():
        by_class[cohort_id].add(day)
    return by_class


def spans_of(rows, service):
    """The student's enrollments as spans. A roster is often entered after the
    first sessions, so an enrollment starts at its first attended day if earlier;
    one ended without a date covers no gap."""
    first_attended = {}
    for cohort_id, item in service:
        first_attended[cohort_id] = min(item.day, first_attended.get(cohort_id, item.day))
    spans = []
    for cohort_id, enrolled_on, ended_on, status in rows:
        first = min(enrolled_on, first_attended.get(cohort_id, enrolled_on))
        last = ended_on if ended_on or status == "active" else first
        spans.append(Span(cohort_id, first, last))
    return spans


def periods_by_student(student_ids, classes=None, today=None, rules=None):
    """{student id: [PeriodOfParticipation]} for these students (ids or a subquery),
    from their classes among `classes` (all of them if None): attended sessions and
    proxy hours (classes/records/proxy.py) are their service. Six queries."""
    rules = rules or nrs_rules()
    today = today or timezone.localdate()
    records = counted_records(student_ids, classes)
    enrollments = enrollment_spans(student_ids, classes)
    sessions = session_days(records, enrollments)
    service = attended_service(records, sessions)
    rows = defaultdict(list)
    for student_id, *row in enrollments.values_list(
        "student_id", "cohort_id", "enrolled_on", "ended_on", "status"
    ).order_by():
        rows[student_id].append(row)
    days = class_days(sessions)
    proxy = proxy_by_student(student_ids, classes)
    return {
        student_id: periods_of_participation(
            [item for _cohort, item in service.get(student_id, ())]
            + [Service(item.day, item.minutes, PROXY, item) for item in proxy.get(student_id, ())],
            spans_of(rows[student_id], service.get(student_id, ())),
            {cohort: days[cohort] for cohort, *_rest in rows[student_id] if cohort in days},
            today,
            rules,
        )
        for student_id in set(service) | set(rows) | set(proxy)
    }


def periods_of_student(student, classes=None, today=None, rules=None):
    return periods_by_student([student.pk], classes, today, rules).get(student.pk, [])
