from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    """Self-signup is closed unless a program opens it: students get accounts
    from their teacher or join with a class code."""

    def is_open_for_signup(self, request):
        return settings.ACCOUNT_SIGNUP_OPEN
