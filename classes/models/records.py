"""Standardized test results and the audit of who looked at students' records.

Scale scores and the NRS level they place a student at are entered by staff:
the score tables belong to the test publishers, so Harbor stores what the
program decided rather than computing it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from classes.models.append_only import AppendOnlyModel
from packets.levels import NRSLevel


class AssessmentTest(models.TextChoices):
    CASAS_READING = "casas_reading", _("CASAS reading")
    CASAS_LISTENING = "casas_listening", _("CASAS listening")
    BEST_PLUS = "best_plus", _("BEST Plus")
    BEST_LITERACY = "best_literacy", _("BEST Literacy")
    TABE_CLAS_E = "tabe_clas_e", _("TABE CLAS-E")
    PROGRAM = "program", _("The program's own test")


class AssessmentPhase(models.TextChoices):
    PRE = "pre", _("Pre-test")
    POST = "post", _("Post-test")


class AssessmentQuerySet(models.QuerySet):
    def pre_tests(self):
        return self.filter(phase=AssessmentPhase.PRE)

    def post_tests(self):
        return self.filter(phase=AssessmentPhase.POST)

    def of_student(self, user):
        return self.filter(student=user)


class Assessment(models.Model):
    """One standardized test taken by one student."""

    student = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="assessments",
        verbose_name=_("student"),
    )
    test = models.CharField(_("test"), max_length=20, choices=AssessmentTest.choices)
    form = models.CharField(_("form"), max_length=40, blank=True)
    taken_on = models.DateField(_("date"))
    scale_score = models.PositiveSmallIntegerField(_("scale score"))
    phase = models.CharField(_("pre- or post-test"), max_length=4, choices=AssessmentPhase.choices)
    nrs_level = models.PositiveSmallIntegerField(
        _("NRS level placed at"),
        choices=NRSLevel.choices,
        help_text=_("From the test publisher's score table."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("assessment")
        ordering = ["student", "taken_on", "pk"]
        indexes = [models.Index(fields=["student", "taken_on"])]

    def __str__(self):
        return f"{self.student} · {self.get_test_display()} · {self.taken_on}"


class AuditAction(models.TextChoices):
    VIEW_RECORD = "view_record", _("Opened a student's record")
    PRINT_RECORD = "print_record", _("Printed a record of participation")
    EXPORT = "export", _("Exported records")
    EXPORT_PERSON = "export_person", _("Exported all of a student's data")
    ERASE = "erase", _("Erased a student")
    VIEW_INTAKE = "view_intake", _("Opened a student's intake")
    EDIT_INTAKE = "edit_intake", _("Changed a student's intake")


class AccessAuditEntry(AppendOnlyModel):
    """Who opened or exported which students' records, and when.

    Written by the records views, read by managers, changed by nobody: saving an
    existing entry or deleting one raises PermissionDenied.
    """

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=16, choices=AuditAction.choices)
    # What was opened or exported: a record's URL or an export's name and filters.
    target = models.CharField(max_length=300)
    student_ids = models.JSONField(default=list)
    row_count = models.PositiveIntegerField(default=0)

    append_only_name = "Audit entries"

    class Meta:
        verbose_name = _("access audit entry")
        verbose_name_plural = _("access audit")
        ordering = ["-at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(target=""), name="audit_entry_names_its_target")
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.target}"
