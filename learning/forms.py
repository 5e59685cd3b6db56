from allauth.account.adapter import get_adapter
from allauth.account.forms import AddEmailForm as AllauthAddEmailForm

from learning.emails import address_taken


class AddEmailForm(AllauthAddEmailForm):
    """allauth's form refuses an address already on another account only when
    enumeration prevention is off (it is on, for password resets); Harbor
    refuses it here with a message, so two accounts never share one."""

    def clean_email(self):
        email = super().clean_email()
        if address_taken(email, self.user):
            raise get_adapter().validation_error("email_taken")
        return email
