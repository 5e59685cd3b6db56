from allauth.account.views import email as allauth_email
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from learning.languages import is_supported, remember_language


@require_POST
def set_language(request):
    """Django's language switch, remembered on the account too, so a shared or
    new phone shows the user's language as soon as they sign in."""
    response = django_set_language(request)
    code = request.POST.get("language", "")
    if request.user.is_authenticated and is_supported(code):
        remember_language(request.user, code)
    return response


def email_page(request):
    """allauth's email page, less its "make primary" action: with
    ACCOUNT_CHANGE_EMAIL a confirmed address becomes the account's by itself,
    and allauth would make an unconfirmed one the account's address while the
    account has no confirmed one (its page offers no such button; a crafted
    form could)."""
    if request.method == "POST" and "action_primary" in request.POST:
        messages.error(request, _("A new address is used once you confirm it from your mailbox."))
        return redirect("account_email")
    return allauth_email(request)


def no_such_page(request, *args, **kwargs):
    """A path that can name nothing (learning/urls.py, `not_ids`)."""
    raise Http404
