"""Class chat: rooms (a class's main room and its breakout groups), messages saved
before they are sent, and moderation (mutes, reports)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class BreakoutGroupQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed_at__isnull=True)

    def with_member(self, user):
        return self.filter(members=user)


class BreakoutGroup(models.Model):
    """A small group (2–6 students) of one class, opened by a teacher for a session."""

    cohort = models.ForeignKey(
        "classes.Class", on_delete=models.CASCADE, related_name="breakout_groups"
    )
    session = models.ForeignKey(
        "classes.Session", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    name = models.CharField(_("name"), max_length=80)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="breakout_groups")
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    opened_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = BreakoutGroupQuerySet.as_manager()

    class Meta:
        verbose_name = _("breakout group")
        ordering = ["opened_at", "pk"]

    def __str__(self):
        return self.name

    @property
    def is_open(self):
        return self.closed_at is None


class Room(models.Model):
    """Where messages live: a class's main room (no group), a breakout group's room,
    or a students' practice group's room (no class: its members come from several).
    It carries the per-room message counter, so ids are dense and ordered."""

    cohort = models.ForeignKey(
        "classes.Class", on_delete=models.CASCADE, null=True, blank=True, related_name="rooms"
    )
    group = models.OneToOneField(
        BreakoutGroup, on_delete=models.CASCADE, null=True, blank=True, related_name="room"
    )
    practice_group = models.OneToOneField(
        "classes.PracticeGroup",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="room",
    )
    last_message_id = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["cohort"], condition=Q(group__isnull=True), name="one_main_room_per_class"
            ),
            # A room belongs to a class, or (a practice group's) to none.
            models.CheckConstraint(
                condition=Q(cohort__isnull=False) | Q(practice_group__isnull=False),
                name="room_of_a_class_or_practice_group",
            ),
        ]

    def __str__(self):
        return self.label

    @property
    def label(self):
        """The room's name in the protocol ("class-3", "group-12", "practice-5")."""
        if self.practice_group_id:
            return f"practice-{self.practice_group_id}"
        return f"group-{self.group_id}" if self.group_id else f"class-{self.cohort_id}"

    @property
    def channel_group(self):
        return f"chat.{self.label}"


class MessageKind(models.TextChoices):
    CHAT = "chat", _("Message")
    ANNOUNCEMENT = "announcement", _("Announcement")
    PHRASE = "phrase", _("Phrase of the day")
    SYSTEM = "system", _("New in the class")


class MessageQuerySet(models.QuerySet):
    def after(self, message_id):
        return self.filter(number__gt=message_id).order_by("number")

    def visible(self):
        return self.filter(deleted_at__isnull=True)

    def latest_first(self):
        return self.order_by("-number")


class Message(models.Model):
    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="messages")
    # The protocol's "id": increasing by one per room.
    number = models.PositiveBigIntegerField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(max_length=16, choices=MessageKind.choices, default=MessageKind.CHAT)
    text = models.TextField()
    link = models.CharField(max_length=500, blank=True)
    client_id = models.CharField(max_length=64, blank=True)
    # A system notice is worded when shown, in the reader's language
    # (classes/chat/notices.py); `text` keeps its English wording.
    notice = models.CharField(max_length=32, blank=True)
    notice_params = models.JSONField(default=dict, blank=True)
    sent_at = models.DateTimeField(default=timezone.now)
    pinned = models.BooleanField(default=False)
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["room", "number"]
        constraints = [
            models.UniqueConstraint(fields=["room", "number"], name="one_number_per_room"),
            # A retried send (same client_id) stores nothing new.
            models.UniqueConstraint(
                fields=["room", "author", "client_id"],
                condition=~Q(client_id=""),
                name="one_message_per_client_id",
            ),
        ]
        # The chat rate limit counts a sender's recent messages on every send.
        indexes = [models.Index(fields=["author", "sent_at"], name="message_author_sent_at")]

    def __str__(self):
        return f"{self.room} #{self.number}"

    @property
    def is_deleted(self):
        return self.deleted_at is not None


class Mute(models.Model):
    """A teacher stops a student posting in a class's rooms until a time."""

    cohort = models.ForeignKey("classes.Class", on_delete=models.CASCADE, related_name="mutes")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="chat_mutes"
    )
    until = models.DateTimeField()
    muted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-until"]

    def __str__(self):
        return f"{self.student} muted until {self.until:%Y-%m-%d %H:%M}"


class Report(models.Model):
    """A student flags a message for the class's teachers."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["message", "reporter"], name="one_report_per_person")
        ]

    def __str__(self):
        return f"{self.message} reported by {self.reporter}"
