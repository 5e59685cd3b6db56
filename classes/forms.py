"""Forms: they read and check input; the rules are in the action functions."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from classes.enrollment import parse_names


class JoinForm(forms.Form):
    code = forms.CharField(
        label=_("Class code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class SessionForm(forms.Form):
    day = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    at = forms.TimeField(label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}))
    duration_minutes = forms.IntegerField(label=_("Length in minutes"), min_value=1, max_value=480)
    topic = forms.CharField(label=_("Topic"), max_length=200, required=False)
    link = forms.URLField(label=_("Link"), required=False, assume_scheme="https")


class AddStudentsForm(forms.Form):
    names = forms.CharField(
        label=_("New students without email, one name per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    username = forms.CharField(
        label=_("Or the username of a student who already has an account"),
        max_length=150,
        required=False,
    )

    def clean(self):
        data = super().clean()
        if not data.get("names", "").strip() and not data.get("username", "").strip():
            raise ValidationError(_("Write names for new accounts, or a username."))
        if data.get("names", "").strip():
            data["name_list"] = parse_names(data["names"])
        return data


class SendPacketForm(forms.Form):
    packet = forms.TypedChoiceField(label=_("Packet"), coerce=int)
    token = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, packets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["packet"].choices = [(p.pk, p.title) for p in packets]
