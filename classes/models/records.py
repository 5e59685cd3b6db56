"""Standardized test results and the audit of who looked at students' records.

Staff enter the scale score; for an approved test the NRS level is looked up in
the score table of the test catalog (classes/models/test_catalog.py) when the
result is recorded (classes/records/assessments.py) and stored beside it. Only
the program's own test keeps a level typed by staff, and it never counts for
the NRS.
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
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
    # Approved for the NRS ESL levels in effect since the July 2023 notice
    # (docs/records.md, "The test catalog"): their tables are entered by managers.
    CASAS_READING_STEPS = "casas_steps_reading", _("CASAS Reading STEPS")
    CASAS_LISTENING_STEPS = "casas_steps_listen", _("CASAS Listening STEPS")
    PROGRAM = "program", _("The program's own test")


class AssessmentPhase(models.TextChoices):
    PRE = "pre", _("Pre-test")
    POST = "post", _("Post-test")


class TestMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    REMOTE = "remote", _("Remote (proctored online)")


class AssessmentQuerySet(models.QuerySet):
    def pre_tests(self):
        return self.filter(phase=AssessmentPhase.PRE)

    def post_tests(self):
        return self.filter(phase=AssessmentPhase.POST)

    def of_student(self, user):
        return self.filter(student=user)

    def counted_for_nrs(self):
        """Results the NRS counts: of a catalog test approved on the day taken (so
        never the program's own test). The catalog's other rules refuse results
        when they are recorded (classes/records/testing_rules.py)."""
        from classes.models.test_catalog import TestInstrument  # it imports this module

        day = OuterRef("taken_on")
        approved = TestInstrument.objects.filter(
            Q(approved_until__isnull=True) | Q(approved_until__gte=day),
            code=OuterRef("test"),
            active=True,
            approved_from__lte=day,
        )
        return self.filter(Exists(approved))


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
    # Remote testing is allowed when the state allows it, with its mode and
    # proctor on record (docs/records.md, "The test catalog").
    mode = models.CharField(
        _("how it was given"), max_length=10, choices=TestMode.choices, default=TestMode.IN_PERSON
    )
    proctor = models.CharField(_("proctor"), max_length=120, blank=True)
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
