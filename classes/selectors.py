"""Reads for the class pages, each a fixed number of queries."""

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.dates import WEEKDAYS

from classes.access import resettable_students
from classes.attendance import as_hours, contact_hours_by_student, is_participant
from classes.contact import channel_of, with_verified_email
from classes.mailing import delivery_of
from classes.models import Class, Enrollment, Session
from classes.records.hours import proxy_minutes_by_class
from packets.flashcards.progress import hardest_words, practice_rows, start_of_week


def schedule_days(class_):
    """Translated weekday names of the schedule ("Monday", "Wednesday")."""
    return [WEEKDAYS[day - 1] for day in class_.weekdays]


def roster(class_, viewer):
    """Enrollments with the student's contact hours, proxy hours earned by work
    handed in to this class (classes/records/hours.py), participant flag, channel
    (classes/contact.py) and whether the viewer may give them a new password."""
    hours = contact_hours_by_student(class_)
    proxy = proxy_minutes_by_class(
        Enrollment.objects.for_class(class_).values("student_id"),
        Class.objects.filter(pk=class_.pk),
    ).get(class_.pk, {})
    enrollments = list(
        with_verified_email(Enrollment.objects.for_class(class_))
        .select_related("student")
        .order_by("status", "student__display_name", "student__username")
    )
    active = [e.student for e in enrollments if e.is_active]
    resettable = resettable_students(viewer, active)
    for enrollment in enrollments:
        enrollment.hours = hours.get(enrollment.student_id, 0)
        enrollment.participant = is_participant(enrollment.hours)
        enrollment.proxy_hours = as_hours(proxy.get(enrollment.student_id, 0))
        enrollment.may_reset = enrollment.student_id in resettable
        enrollment.channel = channel_of(enrollment)
    return enrollments


def waiting_join_requests(class_):
    return list(class_.join_requests.waiting().select_related("student"))


def class_sessions(class_):
    return list(Session.objects.for_class(class_).with_roll_taken().order_by("starts_at"))


def teachers_of(class_):
    return list(class_.teachers.order_by("display_name", "username"))


def classes_with_teachers(classes):
    from django.contrib.auth import get_user_model

    people = get_user_model().objects.order_by("display_name", "username")
    return classes.select_related("level").prefetch_related(Prefetch("teachers", queryset=people))


def recent_mailings(class_, count=5):
    """The latest mailings with each student's delivery (waiting, sent, failed)."""
    return delivery_of(list(class_.mailings.select_related("sent_by")[:count]))


# The class page shows the hardest words of this many of the newest packets.
HARD_WORD_PACKETS = 3


def flashcard_progress(class_, enrollments, packets, now=None):
    """Flashcard practice of the class's active students, for its teachers:
    per student, cards practised this week and due; per recent packet, the
    words the class finds hardest (packets provides the numbers)."""
    now = now or timezone.now()
    students = [e.student for e in enrollments if e.is_active]
    ids = [student.pk for student in students]
    return {
        "practice_rows": practice_rows(students, class_.level, start_of_week(now), now),
        "hard_words": [(p, hardest_words(ids, p, limit=5)) for p in packets[:HARD_WORD_PACKETS]],
    }
