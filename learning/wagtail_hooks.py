"""The admin's account page sends password and email changes to Harbor's own
pages (allauth's: rate limited, new addresses verified); Wagtail's are off
(WAGTAIL_PASSWORD_MANAGEMENT_ENABLED, WAGTAIL_EMAIL_MANAGEMENT_ENABLED)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks


@hooks.register("register_account_menu_item")
def change_password(request):
    return {
        "url": reverse("account_change_password"),
        "label": _("Change password"),
        "help_text": _("On Harbor's own page, as for every account."),
    }


@hooks.register("register_account_menu_item")
def change_email(request):
    return {
        "url": reverse("account_email"),
        "label": _("Change email address"),
        "help_text": _("A new address is used once you confirm it from your mailbox."),
    }
