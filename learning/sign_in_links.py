"""A link that opens the sign-in page with the username filled in
(`/accounts/login/?username=…`): the QR code on a sign-in card. The student
only types the password."""

from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.urls import reverse

USERNAME_PARAMETER = "username"


def sign_in_url(request, username):
    """The absolute address of the sign-in page for `username` on this site."""
    query = urlencode({USERNAME_PARAMETER: username})
    return request.build_absolute_uri(f"{reverse('account_login')}?{query}")


def prefilled_username(request):
    """The username the link names, if it could be one; anything else is ignored."""
    text = request.GET.get(USERNAME_PARAMETER, "")
    return text if is_plausible_username(text) else ""


def is_plausible_username(text):
    """What Django accepts as a username: letters, digits and @.+-_, not too long."""
    if not text or len(text) > get_user_model()._meta.get_field("username").max_length:
        return False
    try:
        UnicodeUsernameValidator()(text)
    except ValidationError:
        return False
    return True
