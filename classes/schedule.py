"""Classes and their sessions: creating a class generates its sessions from the
weekly schedule; a teacher then adds, cancels or moves single sessions."""

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from classes.models import Class, Session
from classes.notices import triggers
from classes.page_invalidation import bump_class
from learning.models import User
from packets.models import LevelPage
from packets.permissions import grant_level_editing

MAX_SESSION_MINUTES = 8 * 60


def local_datetime(day, at):
    """An aware datetime for a wall-clock time in the program's time zone.

    Raises ValidationError for a time that does not exist on that day (the hour
    skipped when clocks go forward), rather than silently shifting it."""
    zone = timezone.get_default_timezone()
    moment = datetime.combine(day, at, tzinfo=zone)
    if moment.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != moment.replace(tzinfo=None):
        raise ValidationError(
            _("%(time)s does not exist on %(day)s: the clocks change that night.")
            % {"time": at.strftime("%H:%M"), "day": day.isoformat()}
        )
    return moment


def scheduled_starts(class_):
    """Every meeting of the term, DST-correct: 18:00 stays 18:00 local time."""
    weekdays = set(class_.weekdays)
    day = class_.term_start
    while day <= class_.term_end:
        if day.isoweekday() in weekdays:
            yield datetime.combine(day, class_.start_time, tzinfo=timezone.get_default_timezone())
        day += timedelta(days=1)


@transaction.atomic
def create_class(
    *,
    name: str,
    level: LevelPage,
    teachers: Iterable[User],
    term_start: date,
    term_end: date,
    meeting_days: Iterable[int],
    start_time: time,
    duration_minutes: int = 120,
    mode: str = "online",
    meeting_link: str = "",
    address: str = "",
    room: str = "",
) -> Class:
    """Create a class and its sessions for the whole term."""
    class_ = Class(
        name=name,
        level=level,
        term_start=term_start,
        term_end=term_end,
        meeting_days="".join(str(day) for day in sorted(set(meeting_days))),
        start_time=start_time,
        duration_minutes=duration_minutes,
        mode=mode,
        meeting_link=meeting_link,
        address=address,
        room=room,
    )
    class_.full_clean()
    class_.save()
    teachers = list(teachers)
    class_.teachers.set(teachers)
    for teacher in teachers:
        # Teachers of a class publish for its level in the admin.
        grant_level_editing(level, teacher)
    Session.objects.bulk_create(
        Session(
            cohort=class_,
            starts_at=start,
            duration_minutes=duration_minutes,
            ends_at=start + timedelta(minutes=duration_minutes),
        )
        for start in scheduled_starts(class_)
    )
    bump_class(class_.pk)  # bulk writes send no signal (classes/page_invalidation.py)
    return class_


def check_session_time(class_, starts_at, duration_minutes, *, ignore=None):
    if not 0 < duration_minutes <= MAX_SESSION_MINUTES:
        raise ValidationError(
            _("A session lasts between 1 and %(max)s minutes.") % {"max": MAX_SESSION_MINUTES}
        )
    day = timezone.localtime(starts_at).date()
    if not class_.term_start <= day <= class_.term_end:
        raise ValidationError(
            _("Sessions must be within the term (%(start)s to %(end)s).")
            % {"start": class_.term_start.isoformat(), "end": class_.term_end.isoformat()}
        )
    ends_at = starts_at + timedelta(minutes=duration_minutes)
    overlapping = class_.sessions.held().filter(starts_at__lt=ends_at, ends_at__gt=starts_at)
    if ignore is not None:
        overlapping = overlapping.exclude(pk=ignore.pk)
    if overlapping.exists():
        raise ValidationError(_("Another session of this class is at that time."))


@transaction.atomic
def add_session(
    class_: Class,
    *,
    day: date,
    at: time,
    duration_minutes: int,
    by: User,
    topic: str = "",
    link: str = "",
) -> Session:
    starts_at = local_datetime(day, at)
    check_session_time(class_, starts_at, duration_minutes)
    session = Session(
        cohort=class_,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        topic=topic,
        link=link,
        from_schedule=False,
        updated_by=by,
        ends_at=starts_at + timedelta(minutes=duration_minutes),
    )
    session.full_clean()
    session.save()
    return session


@transaction.atomic
def change_session(
    session: Session,
    *,
    day: date,
    at: time,
    duration_minutes: int,
    by: User,
    topic: str = "",
    link: str = "",
) -> Session:
    """Move a session, change its length, topic or link. Nothing is saved if
    the new time is invalid."""
    starts_at = local_datetime(day, at)
    check_session_time(session.cohort, starts_at, duration_minutes, ignore=session)
    too_long = session.attendance.filter(minutes__gt=duration_minutes).exists()
    if too_long:
        raise ValidationError(
            _("Some students have more minutes than the new length: change the roll first.")
        )
    was = session.starts_at
    session.starts_at, session.duration_minutes = starts_at, duration_minutes
    session.topic, session.link, session.updated_by = topic, link, by
    session.ends_at = starts_at + timedelta(minutes=duration_minutes)
    session.full_clean()
    session.save()
    triggers.session_moved(session, was, by)
    return session


@transaction.atomic
def set_cancelled(session: Session, cancelled: bool, *, by: User) -> Session:
    """Cancel (or restore) a session. Its attendance stays but no longer counts.
    Its class hears of it (a change only, while the session is still ahead)."""
    changed = session.cancelled != cancelled
    session.cancelled = cancelled
    session.updated_by = by
    session.save(update_fields=["cancelled", "updated_by"])
    if changed:
        triggers.session_cancelled(session, by)
    return session
