"""Notices: one row per person told something ("your session tonight", "new
feedback"), kept as a kind and its parameters and worded when shown, in the
reader's language (classes/notices/kinds.py). What each person wants by email is
in NoticeSettings."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NoticeKind(models.TextChoices):
    SESSION_TONIGHT = "session_tonight", _("A class session today")
    SESSION_CANCELLED = "session_cancelled", _("A session cancelled")
    SESSION_CHANGED = "session_changed", _("A session moved or back on")
    NEW_FEEDBACK = "new_feedback", _("New feedback on your work")
    NEW_PACKET = "new_packet", _("A new packet for your level")
    BREAKOUT_INVITATION = "breakout_invitation", _("You are in a breakout group")
    PRACTICE_INVITATION = "practice_invitation", _("An invitation to a practice group")
    DEVICE_DUE = "device_due", _("A loaned device is due back")


class Channel(models.TextChoices):
    IN_APP = "app", _("In Harbor only")
    EMAIL = "email", _("In Harbor and by email")
    OFF = "off", _("Off")


class EmailPlan(models.TextChoices):
    NONE = "none", _("Not by email")
    SINGLE = "single", _("Its own email")
    DIGEST = "digest", _("The daily digest")


class NoticeQuerySet(models.QuerySet):
    def for_reader(self, user):
        return self.filter(recipient=user)

    def unread(self):
        return self.filter(read_at__isnull=True)

    def newest_first(self):
        return self.order_by("-created_at", "-pk")

    def waiting_for_digest(self):
        return self.filter(email_plan=EmailPlan.DIGEST, emailed_at__isnull=True)


class Notice(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices"
    )
    kind = models.CharField(max_length=32, choices=NoticeKind.choices)
    # Ids, times and titles; never another person's name (an erased student's
    # must not live on in someone else's notice).
    params = models.JSONField(default=dict, blank=True)
    # Where opening the notice leads: a path on Harbor.
    link = models.CharField(max_length=300, blank=True)
    # Once per person and event ("session-today:12:2026-12-07"): the morning run
    # or a republished packet does not tell anyone twice. Empty: no such limit.
    key = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    email_plan = models.CharField(max_length=8, choices=EmailPlan.choices, default=EmailPlan.NONE)
    # When its email was put in the outbox (alone or in a digest): never twice.
    emailed_at = models.DateTimeField(null=True, blank=True)
    # That message: its status (waiting, sent, failed) is the notice's email
    # status (gone if the outbox row was erased; `emailed_at` stays).
    email = models.ForeignKey(
        "learning.OutgoingEmail",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = NoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("notice")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "-created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key"],
                condition=~models.Q(key=""),
                name="one_notice_per_person_and_event",
            )
        ]

    def __str__(self):
        return f"{self.kind} → {self.recipient_id}"

    def get_absolute_url(self):
        return f"/notices/{self.pk}/"


class NoticeSettings(models.Model):
    """A person's choices: per kind a Channel (kinds not in `channels` take the
    default: email for people with a verified address), and whether emails come
    as one daily digest."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_settings"
    )
    channels = models.JSONField(default=dict, blank=True)
    daily_digest = models.BooleanField(
        _("one daily digest instead of single emails"), default=False
    )

    class Meta:
        verbose_name = _("notice settings")
        verbose_name_plural = _("notice settings")

    def __str__(self):
        return f"notice settings of {self.user_id}"
