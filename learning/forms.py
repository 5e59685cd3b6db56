from allauth.account.adapter import get_adapter
from allauth.account.forms import AddEmailForm as AllauthAddEmailForm
from allauth.account.forms import LoginForm as AllauthLoginForm

from learning.emails import address_taken
from learning.sign_in_links import prefilled_username


class AddEmailForm(AllauthAddEmailForm):
    """allauth's form refuses an address already on another account only when
    enumeration prevention is off (it is on, for password resets); Harbor
    refuses it here with a message, so two accounts never share one."""

    def clean_email(self):
        email = super().clean_email()
        if address_taken(email, self.user):
            raise get_adapter().validation_error("email_taken")
        return email


class LoginForm(AllauthLoginForm):
    """allauth's sign-in form, its username filled in from a sign-in card's QR
    code (learning/sign_in_links.py)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.request is not None:
            self.fields["login"].initial = prefilled_username(self.request)
