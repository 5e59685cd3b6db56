from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from learning.languages import is_supported


@require_POST
def set_language(request):
    """Django's language switch, remembered on the account too, so a shared or
    new phone shows the user's language as soon as they sign in."""
    response = django_set_language(request)
    code = request.POST.get("language", "")
    user = request.user
    if user.is_authenticated and is_supported(code) and user.preferred_language != code:
        user.preferred_language = code
        user.save(update_fields=["preferred_language"])
    return response
