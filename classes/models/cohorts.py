"""A class (cohort) of one level, its teachers, schedule and enrolled students."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.languages import LANGUAGES
from learning.validators import one_line

# No look-alikes (0/O, 1/I/L, 2/Z, 5/S, 8/B): codes are read aloud and typed on phones.
JOIN_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
JOIN_CODE_LENGTH = 6


def new_join_code():
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


class ClassMode(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")
    HYBRID = "hybrid", _("Hybrid")


class EnrollmentStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ClassQuerySet(models.QuerySet):
    def taught_by(self, user):
        return self.filter(teachers=user)

    def with_active_student(self, user):
        active = Enrollment.objects.active().filter(student=user).values("cohort_id")
        return self.filter(pk__in=active)

    def for_user(self, user):
        """The classes a user may open: all for managers, their own for teachers,
        those with an active enrollment for students."""
        if not user.is_authenticated:
            return self.none()
        if user.is_manager:
            return self.all()
        taught = Class.teachers.through.objects.filter(user=user).values("class_id")
        enrolled = Enrollment.objects.active().filter(student=user).values("cohort_id")
        return self.filter(Q(pk__in=taught) | Q(pk__in=enrolled))

    def current_first(self, today=None):
        """Classes still running or yet to start before those whose term ended,
        each group by name: a teacher's home leads with what they teach now."""
        today = today or timezone.localdate()
        ended = models.Case(models.When(term_end__lt=today, then=1), default=0)
        return self.alias(ended=ended).order_by("ended", "name", "pk")

    def current(self, today=None):
        today = today or timezone.localdate()
        return self.filter(term_start__lte=today, term_end__gte=today)


class Class(models.Model):
    """A cohort: one level's students meeting on a weekly schedule for a term.

    Times are wall-clock times in the program's time zone (settings.TIME_ZONE);
    sessions generated from the schedule store aware datetimes.
    """

    name = models.CharField(_("name"), max_length=120, validators=[one_line])
    level = models.ForeignKey(
        "packets.LevelPage",
        on_delete=models.PROTECT,
        related_name="classes",
        verbose_name=_("level"),
    )
    teachers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="teaching_classes", verbose_name=_("teachers")
    )
    term_start = models.DateField(_("term start"))
    term_end = models.DateField(_("term end"))
    # ISO weekday digits, Monday=1 … Sunday=7: "13" is Monday and Wednesday.
    meeting_days = models.CharField(_("meeting days"), max_length=7)
    start_time = models.TimeField(_("start time"))
    duration_minutes = models.PositiveSmallIntegerField(_("length in minutes"), default=120)
    mode = models.CharField(
        _("mode"), max_length=16, choices=ClassMode.choices, default=ClassMode.ONLINE
    )
    meeting_link = models.URLField(_("meeting link"), blank=True)
    # Where in-person and hybrid classes meet; the teacher's own words, in English.
    address = models.TextField(
        _("address"),
        max_length=300,
        blank=True,
        help_text=_("Where the class meets in person: street, number, town."),
    )
    room = models.CharField(
        _("room"),
        max_length=120,
        blank=True,
        validators=[one_line],
        help_text=_("The room, floor or entrance, e.g. Room 12, second floor."),
    )
    # The language the Share control words messages to this class's students in
    # (classes/sharing.py); blank: the teacher's own, as Harbor is shown to them.
    share_language = models.CharField(
        _("language of shared messages"),
        max_length=12,
        blank=True,
        choices=LANGUAGES,
        help_text=_("The language of the messages the teacher shares with the class."),
    )
    join_code = models.CharField(
        _("join code"), max_length=12, unique=True, default=new_join_code, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ClassQuerySet.as_manager()

    class Meta:
        verbose_name = _("class")
        verbose_name_plural = _("classes")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_end__gte=models.F("term_start")), name="class_term_in_order"
            ),
            models.CheckConstraint(condition=Q(duration_minutes__gt=0), name="class_has_length"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"/classes/{self.pk}/"

    @property
    def meets_in_person(self):
        return self.mode in (ClassMode.IN_PERSON, ClassMode.HYBRID)

    def place_text(self):
        """The room and address on one line ("Room 12, 40 Main Street, Springfield"),
        for pages and session notices; empty for an online class or no place given."""
        if not self.meets_in_person:
            return ""
        lines = [self.room.strip(), *self.address.splitlines()]
        return ", ".join(line.strip() for line in lines if line.strip())

    @property
    def weekdays(self):
        """ISO weekday numbers of the meetings, in order."""
        return sorted({int(day) for day in self.meeting_days if day in "1234567"})


class EnrollmentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=EnrollmentStatus.ACTIVE)

    def for_class(self, cohort):
        return self.filter(cohort=cohort)

    def of_student(self, user):
        return self.filter(student=user)


class Enrollment(models.Model):
    """A student in a class. Withdrawing changes the status; nothing is deleted,
    so attendance and work stay in the records."""

    student = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enrollments",
        verbose_name=_("student"),
    )
    cohort = models.ForeignKey(
        Class, on_delete=models.CASCADE, related_name="enrollments", verbose_name=_("class")
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=EnrollmentStatus.choices,
        default=EnrollmentStatus.ACTIVE,
    )
    enrolled_on = models.DateField(_("enrolled on"), default=timezone.localdate)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The teacher who added the student; empty when they joined with the code."),
    )
    # Per class, not per person: paper packets are printed and handed out by the
    # teacher of a class, and a student may get paper in one class and not another.
    paper_packets = models.BooleanField(
        _("gets paper packets"),
        default=False,
        help_text=_("The teacher prints this student's packets and hands them out."),
    )

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrollment")
        ordering = ["cohort", "student__display_name", "student__username"]
        constraints = [
            models.UniqueConstraint(fields=["student", "cohort"], name="one_enrollment_per_class")
        ]

    def __str__(self):
        return f"{self.student} · {self.cohort}"

    @property
    def is_active(self):
        return self.status == EnrollmentStatus.ACTIVE


class JoinRequestStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting for the teacher")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


class JoinRequestQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(status=JoinRequestStatus.WAITING)


class JoinRequest(models.Model):
    """A student's class code for a class of another level than the one they are
    in: not an enrollment (it opens nothing) until a teacher approves it."""

    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="join_requests"
    )
    cohort = models.ForeignKey(Class, on_delete=models.CASCADE, related_name="join_requests")
    status = models.CharField(
        max_length=16, choices=JoinRequestStatus.choices, default=JoinRequestStatus.WAITING
    )
    requested_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = JoinRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("request to join a class")
        ordering = ["requested_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["student", "cohort"],
                condition=Q(status="waiting"),
                name="one_waiting_join_request_per_class",
            )
        ]

    def __str__(self):
        return f"{self.student} → {self.cohort}"
