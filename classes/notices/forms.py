"""The notice settings form: a channel per kind, and the daily digest."""

from django import forms
from django.utils.translation import gettext_lazy as _

from classes.models import Channel, NoticeKind


class NoticeSettingsForm(forms.Form):
    daily_digest = forms.BooleanField(
        label=_("Send me one email a day with everything, instead of one email each time"),
        required=False,
    )

    def __init__(self, *args, has_email, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_email = has_email
        for kind, label in NoticeKind.choices:
            self.fields[kind] = forms.ChoiceField(
                label=label, choices=Channel.choices, widget=forms.RadioSelect
            )

    def clean(self):
        data = super().clean()
        chose_email = any(data.get(kind) == Channel.EMAIL for kind in NoticeKind.values)
        if chose_email and not self.has_email:
            raise forms.ValidationError(
                _("Email needs a verified email address: add one on your account page first."),
                code="no_email",
            )
        return data

    def channels(self):
        return {kind: self.cleaned_data[kind] for kind in NoticeKind.values}

    def rows(self):
        """Each kind with its field and its choices, the email one disabled for
        someone without an address (the template draws the radio buttons)."""
        return [
            {
                "field": self[kind],
                "choices": [
                    {
                        "value": value,
                        "label": label,
                        "checked": str(self[kind].value()) == value,
                        "disabled": value == Channel.EMAIL and not self.has_email,
                    }
                    for value, label in Channel.choices
                ],
            }
            for kind in NoticeKind.values
        ]
