from allauth.account.forms import SetPasswordForm
from django import forms
from django.utils.translation import gettext_lazy as _

from learning.languages import LANGUAGES

CHOOSE_A_LANGUAGE = _("Choose one of these languages.")


class LanguageForm(forms.Form):
    language = forms.ChoiceField(
        choices=LANGUAGES,
        error_messages={"required": CHOOSE_A_LANGUAGE, "invalid_choice": CHOOSE_A_LANGUAGE},
    )


class NewPasswordForm(SetPasswordForm):
    """allauth's form for a password without the old one (the user signed in
    with it moments ago), checked by Django's validators; the card's password
    itself is refused, since others have seen it."""

    def clean_password1(self):
        password = self.cleaned_data["password1"]
        if self.user.check_password(password):
            raise forms.ValidationError(
                _("Choose a new password, not the one on your card."), code="password_unchanged"
            )
        return password
