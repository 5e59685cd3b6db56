"""Attendance: one record per enrolled student per session, with every later change kept."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    LATE = "late", _("Late")
    ABSENT = "absent", _("Absent")
    EXCUSED = "excused", _("Excused")


# Statuses whose minutes count as contact hours.
ATTENDED = (AttendanceStatus.PRESENT, AttendanceStatus.LATE)
# The same as a condition, for filters and for aggregates over records.
IS_ATTENDED = models.Q(status__in=ATTENDED)


class AttendanceQuerySet(models.QuerySet):
    def attended(self):
        return self.filter(IS_ATTENDED)

    def in_held_sessions(self, now=None):
        """Records of sessions that took place: not cancelled, and started by now.
        A roll saved ahead of its session (refused since issue 12, but possibly in
        older data) counts for nothing until the session has begun."""
        return self.filter(session__cancelled=False, session__starts_at__lte=now or timezone.now())

    def counted(self, now=None):
        """Attendance that counts for contact hours: attended, in a held session."""
        return self.attended().in_held_sessions(now)

    def for_class(self, cohort):
        return self.filter(session__cohort=cohort)

    def of_student(self, user):
        return self.filter(student=user)

    def between(self, first_day=None, last_day=None):
        """Attendance in sessions on these local dates (both included)."""
        from classes.models.sessions import starts_between

        return self.filter(starts_between("session__starts_at", first_day, last_day))


class Attendance(models.Model):
    session = models.ForeignKey(
        "classes.Session",
        on_delete=models.CASCADE,
        related_name="attendance",
        verbose_name=_("session"),
    )
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="attendance",
        verbose_name=_("student"),
    )
    status = models.CharField(_("status"), max_length=16, choices=AttendanceStatus.choices)
    minutes = models.PositiveSmallIntegerField(_("minutes attended"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"))

    objects = AttendanceQuerySet.as_manager()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["session", "student"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "student"], name="one_attendance_per_student_per_session"
            )
        ]

    def __str__(self):
        return f"{self.student} · {self.session} · {self.get_status_display()}"

    def counts_for_hours(self, now=None):
        """The rule of AttendanceQuerySet.counted() for a loaded record (the
        records tests hold the two equal)."""
        held = not self.session.cancelled and self.session.starts_at <= (now or timezone.now())
        return held and self.status in ATTENDED


class AttendanceChange(models.Model):
    """History: a change to a saved attendance record (who changed what, when)."""

    attendance = models.ForeignKey(Attendance, on_delete=models.CASCADE, related_name="changes")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changed_at = models.DateTimeField()
    old_status = models.CharField(max_length=16, choices=AttendanceStatus.choices)
    new_status = models.CharField(max_length=16, choices=AttendanceStatus.choices)
    old_minutes = models.PositiveSmallIntegerField()
    new_minutes = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = _("attendance change")
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.attendance}: {self.old_status} → {self.new_status}"
