"""Taking the roll, and contact hours computed from attendance minutes."""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from classes.models import (
    Attendance,
    AttendanceChange,
    AttendanceStatus,
    Class,
    Enrollment,
    Session,
)
from classes.models.attendance import ATTENDED
from classes.page_versions import bump_users
from classes.records.rules import nrs_rules
from learning.models import User


@dataclass(frozen=True)
class Mark:
    """What the teacher marked for one student: a status and minutes attended."""

    status: str
    minutes: int


def roll_students(session):
    """Who is on the roll: students active in the class now, and anyone already
    recorded for this session (a student withdrawn later keeps their record)."""
    recorded = Attendance.objects.filter(session=session).values("student_id")
    enrolled = Enrollment.objects.active().filter(cohort_id=session.cohort_id).values("student_id")
    return (
        get_user_model()
        .objects.filter(Q(pk__in=enrolled) | Q(pk__in=recorded))
        .order_by("display_name", "username")
    )


def check_marks(session, marks, allowed_ids):
    errors = []
    for student_id, mark in marks.items():
        if student_id not in allowed_ids:
            errors.append(_("A student on this roll is not enrolled in the class."))
        if mark.status not in AttendanceStatus.values:
            errors.append(_("Choose present, late, absent or excused."))
        if not 0 <= mark.minutes <= session.duration_minutes:
            errors.append(
                _("Minutes must be between 0 and %(max)s, the length of the session.")
                % {"max": session.duration_minutes}
            )
    if session.cancelled:
        errors.append(_("This session was cancelled: restore it before taking the roll."))
    if not session.has_started():
        errors.append(roll_not_open_message(session))
    if errors:
        raise ValidationError(sorted(set(errors)))


def roll_not_open_message(session):
    # The format every page shows a session in ("Wed 23 Dec, 18:00"): a locale's
    # long format can end in a period ("6 p.m.") and read "p.m.." in the sentence.
    when = date_format(session.local_start, "D j M, H:i")
    return _("This session has not started yet: its roll opens on %(when)s.") % {"when": when}


def counted_minutes(mark):
    """Absent and excused students attended no minutes, whatever was typed."""
    return mark.minutes if mark.status in ATTENDED else 0


@transaction.atomic
def take_attendance(session: Session, marks: dict[int, Mark], *, by: User) -> int:
    """Save the roll for a session in one go: marks maps student id → Mark.

    Idempotent: saving the same roll twice changes nothing. A later change to a
    saved record is kept in AttendanceChange. A constant number of queries,
    whatever the size of the class. Returns the number of records saved or changed."""
    session = Session.objects.select_for_update().get(pk=session.pk)
    existing = {a.student_id: a for a in Attendance.objects.filter(session=session)}
    enrolled = set(
        Enrollment.objects.active()
        .filter(cohort_id=session.cohort_id)
        .values_list("student_id", flat=True)
    )
    check_marks(session, marks, enrolled | set(existing))
    now = timezone.now()
    new, changed, history = [], [], []
    for student_id, mark in marks.items():
        minutes = counted_minutes(mark)
        record = existing.get(student_id)
        if record is None:
            new.append(
                Attendance(
                    session=session,
                    student_id=student_id,
                    status=mark.status,
                    minutes=minutes,
                    recorded_by=by,
                    recorded_at=now,
                )
            )
        elif (record.status, record.minutes) != (mark.status, minutes):
            history.append(
                AttendanceChange(
                    attendance=record,
                    changed_by=by,
                    changed_at=now,
                    old_status=record.status,
                    new_status=mark.status,
                    old_minutes=record.minutes,
                    new_minutes=minutes,
                )
            )
            record.status, record.minutes, record.recorded_by, record.recorded_at = (
                mark.status,
                minutes,
                by,
                now,
            )
            changed.append(record)
    Attendance.objects.bulk_create(new)
    Attendance.objects.bulk_update(changed, ["status", "minutes", "recorded_by", "recorded_at"])
    AttendanceChange.objects.bulk_create(history)
    # Bulk writes send no signal: the students marked see their hours change
    # (classes/page_versions.py). Teachers' pages are not kept.
    bump_users({*marks, *existing})
    return len(new) + len(changed)


def as_hours(minutes):
    return (Decimal(minutes or 0) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def counted_attendance(*, student=None, class_=None, first_day=None, last_day=None):
    records = Attendance.objects.counted()
    if student is not None:
        records = records.of_student(student)
    if class_ is not None:
        records = records.for_class(class_)
    return records.between(first_day, last_day)


def contact_hours(
    *,
    student: User | None = None,
    class_: Class | None = None,
    first_day: date | None = None,
    last_day: date | None = None,
) -> Decimal:
    """Hours attended (present or late, in held sessions), from recorded minutes.
    Dates are local dates in the program's time zone, both included."""
    records = counted_attendance(
        student=student, class_=class_, first_day=first_day, last_day=last_day
    )
    return as_hours(records.aggregate(total=Sum("minutes"))["total"])


def contact_hours_by_student(
    class_: Class, *, first_day: date | None = None, last_day: date | None = None
) -> dict[int, Decimal]:
    """{student id: hours} for a class, in one query."""
    records = counted_attendance(class_=class_, first_day=first_day, last_day=last_day)
    totals = records.values("student_id").annotate(total=Sum("minutes")).order_by()
    return {row["student_id"]: as_hours(row["total"]) for row in totals}


def is_participant(hours: Decimal) -> bool:
    """Adult-education reporting counts a participant from this many contact
    hours: the one threshold the periods of participation use too."""
    return hours >= nrs_rules().participant_hours
