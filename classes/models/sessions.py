"""One meeting of a class: generated from the schedule, or added by a teacher."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def local_midnight(day):
    return datetime.combine(day, time.min, tzinfo=timezone.get_default_timezone())


def starts_between(field, first_day=None, last_day=None):
    """A filter for `field` (a start datetime) on local dates in the program's time
    zone, both included; either end may be open. A local day may last 23 or 25 hours."""
    condition = models.Q()
    if first_day is not None:
        condition &= models.Q(**{f"{field}__gte": local_midnight(first_day)})
    if last_day is not None:
        condition &= models.Q(**{f"{field}__lt": local_midnight(last_day + timedelta(days=1))})
    return condition


class SessionQuerySet(models.QuerySet):
    def held(self):
        return self.filter(cancelled=False)

    def cancelled(self):
        return self.filter(cancelled=True)

    def for_class(self, cohort):
        return self.filter(cohort=cohort)

    def between(self, first_day=None, last_day=None):
        """Sessions starting on these local dates (both included)."""
        return self.filter(starts_between("starts_at", first_day, last_day))

    def on_day(self, day):
        return self.between(day, day)

    def upcoming(self, now=None):
        """Not yet over: a session in progress still counts, its link still matters."""
        now = now or timezone.now()
        return self.held().filter(ends_at__gt=now).order_by("starts_at")

    def started(self, now=None):
        return self.filter(starts_at__lte=now or timezone.now())

    def with_roll_taken(self):
        from classes.models.attendance import Attendance

        return self.annotate(roll_taken=Exists(Attendance.objects.filter(session=OuterRef("pk"))))

    def roll_missing(self, now=None):
        """Held sessions that have started and have no attendance yet."""
        return self.held().started(now).with_roll_taken().filter(roll_taken=False)


class Session(models.Model):
    cohort = models.ForeignKey(
        "classes.Class",
        on_delete=models.CASCADE,
        related_name="sessions",
        verbose_name=_("class"),
    )
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(_("length in minutes"))
    # Stored (not computed) so "upcoming" and "in progress" are one indexed filter.
    ends_at = models.DateTimeField(_("ends at"), editable=False)
    topic = models.CharField(_("topic"), max_length=200, blank=True)
    link = models.URLField(
        _("link"), blank=True, help_text=_("Leave empty to use the class's meeting link.")
    )
    cancelled = models.BooleanField(_("cancelled"), default=False)
    from_schedule = models.BooleanField(default=True, editable=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("session")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["cohort", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(duration_minutes__gt=0), name="session_has_length"
            )
        ]

    def __str__(self):
        return f"{self.cohort} · {timezone.localtime(self.starts_at):%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        self.ends_at = self.starts_at + timedelta(minutes=self.duration_minutes)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"/classes/{self.cohort_id}/sessions/{self.pk}/attendance/"

    def has_started(self, now=None):
        """A roll opens when its session begins: nobody is marked present ahead."""
        return self.starts_at <= (now or timezone.now())

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at)

    @property
    def meeting_link(self):
        return self.link or self.cohort.meeting_link
