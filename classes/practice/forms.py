from django import forms
from django.utils.translation import gettext_lazy as _

from classes.models import PracticeGroup


class PracticeGroupForm(forms.ModelForm):
    call_link = forms.URLField(
        label=_("video call link"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("Optional: the link to your video call."),
    )

    class Meta:
        model = PracticeGroup
        fields = ["name", "kind", "weekday", "meets_at", "call_link"]
        widgets = {"meets_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M")}
        help_texts = {
            "weekday": _("Optional: when you meet each week."),
        }

    def clean(self):
        data = super().clean()
        if data.get("meets_at") and data.get("weekday") is None:
            self.add_error("weekday", _("Choose the day you meet, or leave the time empty."))
        return data


class InviteForm(forms.Form):
    students = forms.TypedMultipleChoiceField(
        label=_("Invite classmates"), coerce=int, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, classmates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["students"].choices = [(s.pk, s.name) for s in classmates]
