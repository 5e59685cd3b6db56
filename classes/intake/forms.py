"""The intake forms. Each question may be declined; a declined question keeps
no answer, so a "declined" tick and an answer never contradict each other."""

from django import forms
from django.utils.translation import gettext_lazy as _

from classes.models import IntakeEntry, IntakeProfile
from classes.models.intake import Barrier, Race

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProfileForm(forms.ModelForm):
    races = forms.MultipleChoiceField(
        label=_("Race (choose all that apply)"),
        choices=Race.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = IntakeProfile
        fields = [
            "date_of_birth",
            "date_of_birth_declined",
            "sex",
            "ethnicity",
            "races",
            "races_declined",
        ]
        widgets = {"date_of_birth": DATE}
        labels = {
            "date_of_birth_declined": _("Declined to give the date of birth"),
            "races_declined": _("Declined to answer the race question"),
        }

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean(self):
        data = super().clean()
        if data.get("date_of_birth_declined"):
            data["date_of_birth"] = None
        if data.get("races_declined"):
            data["races"] = []
        born = data.get("date_of_birth")
        if born and (born.year < 1900 or born >= self.today):
            self.add_error("date_of_birth", _("Enter a date of birth in the past."))
        return data


class EntryForm(forms.ModelForm):
    barriers = forms.MultipleChoiceField(
        label=_("Barriers to employment (choose all that apply)"),
        choices=Barrier.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = IntakeEntry
        fields = [
            "entry_date",
            "program_type",
            "employment",
            "schooling",
            "schooled_in",
            "barriers",
            "barriers_declined",
        ]
        widgets = {"entry_date": DATE}
        labels = {"barriers_declined": _("Declined to answer about barriers")}
        help_texts = {
            "entry_date": _(
                "The first day of the period of participation this describes. "
                "Saving a date that has an entry corrects that entry."
            )
        }

    def clean(self):
        data = super().clean()
        if data.get("barriers_declined"):
            data["barriers"] = []
        return data

    def validate_unique(self):
        """One entry per date is kept by saving over it (services.save_entry)."""
