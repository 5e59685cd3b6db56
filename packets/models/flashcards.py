"""A student's spaced-repetition state for one vocabulary item.

The item is named by its packet and its ListBlock item id, which Wagtail keeps
across edits and revisions, so progress survives a teacher fixing a typo.
The scheduling fields mirror fsrs.Card (see packets/flashcards/scheduling.py).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from packets.tree import PACKET_DEPTH, below


class FlashcardProgressQuerySet(models.QuerySet):
    def of_student(self, student):
        return self.filter(student=student)

    def of_students(self, student_ids):
        return self.filter(student_id__in=student_ids)

    def due_by(self, moment):
        return self.filter(due__lte=moment)

    def in_live_packets(self):
        """Cards of published packets whose word is still in the packet."""
        return self.filter(packet__live=True, retired=False)

    def in_level(self, level):
        return self.filter(below([level], PACKET_DEPTH, via="packet__"))


class FlashcardProgress(models.Model):
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="flashcard_progress",
        verbose_name=_("student"),
    )
    packet = models.ForeignKey(
        "packets.PacketPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("packet"),
    )
    item_id = models.CharField(_("vocabulary item id"), max_length=64)
    # fsrs.State: 1 learning, 2 review, 3 relearning.
    state = models.PositiveSmallIntegerField(_("state"), default=1)
    step = models.PositiveSmallIntegerField(_("learning step"), null=True, blank=True)
    stability = models.FloatField(_("stability"), null=True, blank=True)
    difficulty = models.FloatField(_("difficulty"), null=True, blank=True)
    due = models.DateTimeField(_("due"))
    last_review = models.DateTimeField(_("last review"), null=True, blank=True)
    first_review = models.DateTimeField(_("first review"))
    reviews = models.PositiveIntegerField(_("reviews"), default=0)
    # Times the student pressed Again: what makes a word "hard" for the class.
    lapses = models.PositiveIntegerField(_("times forgotten"), default=0)

    # The word left the packet. Kept, not deleted: reverting the packet to an
    # earlier revision brings the word, and the student's progress, back.
    retired = models.BooleanField(_("word removed from the packet"), default=False)

    objects = FlashcardProgressQuerySet.as_manager()

    class Meta:
        verbose_name = _("flashcard progress")
        verbose_name_plural = _("flashcard progress")
        constraints = [
            models.UniqueConstraint(
                fields=["student", "packet", "item_id"], name="one_progress_per_student_card"
            )
        ]
        indexes = [models.Index(fields=["student", "due"], name="flashcard_student_due")]

    def __str__(self):
        return f"{self.student_id} · {self.packet_id} · {self.item_id}"
