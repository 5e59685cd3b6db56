"""Where a form goes next: only ever to a page of this site.

Every `next` Harbor accepts (from a form or a query string) goes through
`safe_next`, so a link someone sends cannot bounce a student to another site.
"""

from django.utils.http import url_has_allowed_host_and_scheme

REDIRECT_FIELD = "next"


def safe_next(request, default):
    """The request's `next` (POST first, then the query string) if it stays on
    this site, else `default`."""
    target = request.POST.get(REDIRECT_FIELD) or request.GET.get(REDIRECT_FIELD)
    if target and is_safe_target(request, target):
        return target
    return default


def is_safe_target(request, target):
    """A path on this site. A relative `next` ("0", "page") is refused too:
    `redirect()` would read it as a view's name and fail."""
    if not target.startswith("/"):
        return False
    return url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
