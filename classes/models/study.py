"""Clock time: the measured time a student spends in approved material (reading
a packet, practising its flashcards), the third proxy-hours model
(classes/records/proxy.py, docs/records.md "Clock time").

One row per student, packet, kind of study and local day, to which the page's
beacons add their seconds (classes/clock_time.py): the table grows with the
days a student studies, not with the beacons."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StudyKind(models.TextChoices):
    READING = "reading", _("Packet reading")
    FLASHCARDS = "flashcards", _("Flashcard practice")


class StudyTime(models.Model):
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="study_time"
    )
    # The packet studied; its title is kept so the hours stay traceable if the
    # page is deleted.
    packet = models.ForeignKey(
        "packets.PacketPage", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    packet_title = models.CharField(_("packet"), max_length=255)
    kind = models.CharField(_("kind"), max_length=16, choices=StudyKind.choices)
    day = models.DateField(_("day"))
    seconds = models.PositiveIntegerField(_("seconds"), default=0)
    # The wall-clock moment up to which this student's time is counted: no
    # beacon may count time beyond it (classes/clock_time.py).
    counted_until = models.DateTimeField()

    class Meta:
        verbose_name = _("clock time")
        verbose_name_plural = _("clock time")
        constraints = [
            models.UniqueConstraint(
                fields=["student", "packet", "kind", "day"], name="one_study_time_per_day"
            )
        ]
        indexes = [models.Index(fields=["student", "day"])]

    def __str__(self):
        return f"{self.packet_title} · {self.day} · {self.seconds} s"
