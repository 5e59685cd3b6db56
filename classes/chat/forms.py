from django import forms
from django.utils.translation import gettext_lazy as _

from classes.chat.protocol import MAX_TEXT_CHARS
from learning.ids import MAX_ID


class MessageForm(forms.Form):
    text = forms.CharField(
        label=_("Message"), max_length=MAX_TEXT_CHARS, widget=forms.Textarea(attrs={"rows": 2})
    )
    # One per rendered form: a double tap or a resent form stores one message.
    client_id = forms.CharField(widget=forms.HiddenInput, max_length=64)


class MuteForm(forms.Form):
    student = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_ID)
    minutes = forms.TypedChoiceField(
        label=_("Pause messages for"),
        coerce=int,
        choices=[
            (10, _("10 minutes")),
            (60, _("1 hour")),
            (1440, _("1 day")),
            (10080, _("1 week")),
        ],
    )


class TextForm(forms.Form):
    text = forms.CharField(label=_("Text"), max_length=MAX_TEXT_CHARS)


class BreakoutForm(forms.Form):
    size = forms.TypedChoiceField(
        label=_("Students per group"), coerce=int, choices=[(n, n) for n in range(2, 7)], initial=3
    )
