"""The form staff fill in to record a test result; the rules are in assessments.py
and testing_rules.py."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from classes.models import AssessmentPhase, AssessmentTest, TestMode
from classes.records.assessments import MAX_SCALE_SCORE, MIN_SCALE_SCORE, check_result
from packets.levels import NRSLevel


class AssessmentForm(forms.Form):
    test = forms.ChoiceField(label=_("Test"), choices=AssessmentTest.choices)
    form = forms.CharField(
        label=_("Form"),
        max_length=40,
        required=False,
        help_text=_(
            "The test form as printed on it (for example 81R). A post-test uses an alternate form."
        ),
    )
    taken_on = forms.DateField(
        label=_("Date taken"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter a date like 2026-09-01.")},
    )
    scale_score = forms.IntegerField(
        label=_("Scale score"),
        error_messages={"invalid": _("The scale score is a whole number.")},
        widget=forms.NumberInput(attrs={"min": MIN_SCALE_SCORE, "max": MAX_SCALE_SCORE}),
    )
    phase = forms.ChoiceField(
        label=_("Pre- or post-test"), choices=AssessmentPhase.choices, widget=forms.RadioSelect
    )
    nrs_level = forms.TypedChoiceField(
        label=_("NRS level (the program's own test only)"),
        choices=[("", "—"), *NRSLevel.choices],
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("An approved test's level comes from its score table in the test catalog."),
        error_messages={"invalid_choice": _("The NRS level is a number from 1 to 6.")},
    )
    mode = forms.ChoiceField(
        label=_("How it was given"),
        choices=TestMode.choices,
        initial=TestMode.IN_PERSON,
        widget=forms.RadioSelect,
    )
    proctor = forms.CharField(
        label=_("Proctor"),
        max_length=120,
        required=False,
        help_text=_("Who watched over a remote test (required for one)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["taken_on"].widget.attrs["max"] = timezone.localdate().isoformat()

    def clean(self):
        data = super().clean()
        fields = ("test", "taken_on", "scale_score", "phase", "nrs_level", "mode", "proctor")
        if all(name in data for name in fields):
            try:
                check_result(**{name: data[name] for name in fields})
            except ValidationError as error:
                self.add_error(None, error)
        return data
