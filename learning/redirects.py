"""Where a response sends the browser next: only ever to a page of this site.

Every redirect target Harbor did not write itself (a form's or a query string's
`next`, a notice's stored link) goes through `safe_target`, so a link someone
sends cannot bounce a student to another site.
"""

from urllib.parse import urlsplit

from django.utils.http import url_has_allowed_host_and_scheme

REDIRECT_FIELD = "next"


def safe_next(request, default):
    """The request's `next` (POST first, then the query string) if it stays on
    this site, else `default`."""
    target = request.POST.get(REDIRECT_FIELD) or request.GET.get(REDIRECT_FIELD)
    return safe_target(request, target, default)


def safe_target(request, target, default):
    """`target` if it is a page of this site, else `default`."""
    return target if target and is_safe_target(request, target) else default


def is_safe_target(request, target):
    """A path on this site, or a full address on this host. A relative target
    ("0", "page") is refused: `redirect()` would read it as a view's name and fail."""
    if not (target.startswith("/") or urlsplit(target).netloc):
        return False
    return url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
