"""The catalog of approved standardized tests: each test's version and federal
approval dates, its forms, and its scale-score-to-NRS-level table.

Data the program keeps up to date in the Wagtail admin (Snippets → Tests),
loaded first by a migration from the published tables (docs/records.md, "The
test catalog"). The rules that read it are in classes/records/test_rules.py.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from classes.models.records import AssessmentTest
from packets.levels import NRSLevel


class TestInstrumentQuerySet(models.QuerySet):
    def approved_on(self, day):
        """Instruments the Federal Register approval covers on `day`."""
        return self.filter(active=True, approved_from__lte=day).filter(
            Q(approved_until__isnull=True) | Q(approved_until__gte=day)
        )


class TestInstrument(models.Model):
    """One approved test (one version of it): CASAS reading, BEST Plus 3.0, …"""

    __test__ = False  # not a pytest class, despite the name

    code = models.CharField(
        _("test"),
        max_length=20,
        unique=True,
        choices=[c for c in AssessmentTest.choices if c[0] != AssessmentTest.PROGRAM],
    )
    name = models.CharField(_("name"), max_length=100)
    publisher = models.CharField(_("publisher"), max_length=100)
    version = models.CharField(_("version"), max_length=40, blank=True)
    approved_from = models.DateField(
        _("approved from"), help_text=_("The date the Federal Register approval starts.")
    )
    approved_until = models.DateField(
        _("approved until"),
        null=True,
        blank=True,
        help_text=_("The last day of the approval; empty while it has no end date."),
    )
    min_hours_between = models.PositiveSmallIntegerField(
        _("hours before a post-test"),
        default=40,
        help_text=_(
            "Hours of instruction between the pretest and a post-test: the larger of the "
            "publisher's and the state's minimum."
        ),
    )
    active = models.BooleanField(
        _("in use"),
        default=True,
        help_text=_("Results of a test not in use are saved but do not count for the NRS."),
    )

    objects = TestInstrumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("approved test")
        verbose_name_plural = _("approved tests")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(approved_until__isnull=True)
                | Q(approved_until__gte=F("approved_from")),
                name="test_approval_ends_after_it_starts",
            )
        ]

    def __str__(self):
        # The loaded CASAS rows name their series in both ("… Life and Work Reading").
        if f" {self.version} " in f" {self.name} ":
            return self.name
        return f"{self.name} {self.version}".strip()

    def is_approved_on(self, day):
        return (
            self.active
            and self.approved_from <= day
            and (self.approved_until is None or day <= self.approved_until)
        )


class TestForm(models.Model):
    """A printed (or computer) form of a test, as its booklet names it: 81R, 82R, …"""

    __test__ = False

    instrument = models.ForeignKey(
        TestInstrument, on_delete=models.CASCADE, related_name="forms", verbose_name=_("test")
    )
    code = models.CharField(_("form"), max_length=40)
    notes = models.CharField(
        _("levels and notes"),
        max_length=200,
        blank=True,
        help_text=_("The levels the form suits, as the publisher says (for example Level B)."),
    )
    # A computer-adaptive test chooses new items each time, so taking it again is
    # as good as an alternate form.
    adaptive = models.BooleanField(
        _("adaptive"),
        default=False,
        help_text=_("Computer-adaptive: a post-test may use it again after a pretest on it."),
    )

    class Meta:
        verbose_name = _("test form")
        verbose_name_plural = _("test forms")
        ordering = ["instrument", "code"]
        constraints = [
            models.UniqueConstraint(fields=["instrument", "code"], name="one_form_code_per_test")
        ]

    def __str__(self):
        return f"{self.instrument.name} {self.code}"


class ScoreBand(models.Model):
    """Scale scores from `low` to `high` (both included) place a student at `nrs_level`."""

    instrument = models.ForeignKey(
        TestInstrument, on_delete=models.CASCADE, related_name="bands", verbose_name=_("test")
    )
    nrs_level = models.PositiveSmallIntegerField(_("NRS level"), choices=NRSLevel.choices)
    low = models.PositiveSmallIntegerField(_("lowest scale score"))
    high = models.PositiveSmallIntegerField(_("highest scale score"))

    class Meta:
        verbose_name = _("score band")
        verbose_name_plural = _("score bands")
        ordering = ["instrument", "low"]
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "nrs_level"], name="one_band_per_level_per_test"
            ),
            models.CheckConstraint(condition=Q(high__gte=F("low")), name="band_high_not_below_low"),
        ]

    def __str__(self):
        return f"{self.instrument.name}: {self.low}–{self.high} → {self.nrs_level}"

    def clean(self):
        if None in (self.instrument_id, self.low, self.high):
            return  # the missing fields have their own errors
        overlapping = ScoreBand.objects.filter(
            instrument_id=self.instrument_id, low__lte=self.high, high__gte=self.low
        ).exclude(pk=self.pk)
        if overlapping.exists():
            raise ValidationError(_("These scores overlap another level's band of this test."))
