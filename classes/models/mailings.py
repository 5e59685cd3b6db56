"""The log of packets emailed to a class."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PacketMailing(models.Model):
    """One sending of a packet to a class. The token comes from the form, so a
    double click (the same form posted twice) finds the first sending and stops."""

    cohort = models.ForeignKey("classes.Class", on_delete=models.CASCADE, related_name="mailings")
    packet = models.ForeignKey(
        "packets.PacketPage", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    packet_title = models.CharField(max_length=255)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    sent_at = models.DateTimeField()
    # Messages put in the outbox (their delivery: learning.OutgoingEmail, by topic).
    recipient_count = models.PositiveIntegerField(_("emails queued"))
    without_email_count = models.PositiveIntegerField(_("students without email"))
    token = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("packet mailing")
        ordering = ["-sent_at", "-pk"]

    def __str__(self):
        return f"{self.packet_title} → {self.cohort}"

    @property
    def outbox_topic(self):
        return f"packet-mailing:{self.pk}"
