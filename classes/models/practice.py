"""Students' own practice groups: a few classmates (from any of their classes)
who meet to practise conversation or interviews, with a chat room of their own.
Teachers see that a group exists and who is in it, never its messages (only a
reported message reaches them): docs/practice-groups.md."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PracticeKind(models.TextChoices):
    CONVERSATION = "conversation", _("Conversation practice")
    INTERVIEW = "interview", _("Interview practice")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class PracticeGroupQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed_at__isnull=True)


class PracticeGroup(models.Model):
    name = models.CharField(_("name"), max_length=80)
    kind = models.CharField(
        _("kind"), max_length=16, choices=PracticeKind.choices, default=PracticeKind.CONVERSATION
    )
    weekday = models.PositiveSmallIntegerField(
        _("day of the week"), choices=Weekday.choices, null=True, blank=True
    )
    meets_at = models.TimeField(_("time"), null=True, blank=True)
    call_link = models.URLField(_("video call link"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_groups_created"
    )
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = PracticeGroupQuerySet.as_manager()

    class Meta:
        verbose_name = _("practice group")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.name

    @property
    def is_open(self):
        return self.closed_at is None


class MembershipStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    ACCEPTED = "accepted", _("Member")
    DECLINED = "declined", _("Declined")
    REMOVED = "removed", _("Removed")
    LEFT = "left", _("Left")


class PracticeMembership(models.Model):
    """One student's place in a group: invited, then a member (or not)."""

    group = models.ForeignKey(PracticeGroup, on_delete=models.CASCADE, related_name="memberships")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_memberships"
    )
    status = models.CharField(max_length=16, choices=MembershipStatus.choices)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "student"], name="one_place_per_practice")
        ]

    def __str__(self):
        return f"{self.student} in {self.group}: {self.status}"
