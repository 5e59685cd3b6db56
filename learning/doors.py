"""One door to sign in: Wagtail's own sign-in and password pages lead to
Harbor's (allauth's), where the rate limits are (learning/adapters.py).

Wagtail routes Django's LoginView at /admin/login/ and /_util/login/ and
Django's password reset at /admin/password_reset/: none of them counted wrong
passwords. These views take their place in learning/urls.py; they never read a
password. Wagtail's page and document password forms stay, with wrong guesses
limited through allauth's rate-limit machinery like the sign-in form.
"""

from functools import wraps

from allauth.core.internal.ratelimit import consume
from allauth.core.ratelimit import respond_429
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from wagtail.documents.views.serve import (
    authenticate_with_password as wagtail_document_password,
)
from wagtail.views import authenticate_with_password as wagtail_page_password

from learning.redirects import safe_next

ADMIN_HOME = "/admin/"
# Wrong page or document passwords (ACCOUNT_RATE_LIMITS).
VIEW_PASSWORD_FAILED = "view_password_failed"


def admin_sign_in(request):
    """/admin/login/: Wagtail sends visitors here; they sign in on Harbor's page.
    A signed-in student is told the admin is not for them (sending them to sign
    in again would loop: allauth sends a signed-in user straight back)."""
    if not request.user.is_authenticated:
        return redirect_to_login(safe_next(request, ADMIN_HOME))
    if not request.user.has_perm("wagtailadmin.access_admin"):
        return render(request, "account/admin_refused.html", status=403)
    return redirect(safe_next(request, ADMIN_HOME))


def site_sign_in(request):
    """/_util/login/ (Wagtail's sign-in for private pages)."""
    if request.user.is_authenticated:
        return redirect(safe_next(request, "/"))
    return redirect_to_login(safe_next(request, "/"))


def password_reset(request):
    """/admin/password_reset/: the reset by email is allauth's (rate limited,
    no account revealed)."""
    return redirect("account_reset_password")


def limit_password_guesses(view):
    """Count each wrong password posted to a Wagtail password form; a right one
    is taken back (as allauth does for sign-in), so a classroom typing the page's
    password is never stopped."""

    @wraps(view)
    def limited(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        usage = consume(
            request, app="allauth.account", action=VIEW_PASSWORD_FAILED, key=request.path
        )
        if not usage:
            return respond_429(request)
        response = view(request, *args, **kwargs)
        if response.status_code == 302:  # Wagtail redirects once the password is right
            usage.rollback()
        return response

    return limited


page_password = limit_password_guesses(wagtail_page_password)
document_password = limit_password_guesses(wagtail_document_password)
