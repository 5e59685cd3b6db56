"""Wagtail admin views that answered a request no browser sends with a 500;
Harbor's routes (learning/urls.py) answer first and hand the rest on."""

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.chooser import ExternalLinkView

EXTERNAL_LINK_URL = "external-link-chooser-url"
_external_link_view = ExternalLinkView.as_view()


@require_admin_access
def external_link_chooser(request):
    """Wagtail's external-link form read a missing URL field as None and called
    `.startswith` on it. Missing, it is sent empty: the form asks for a URL."""
    if request.method == "POST" and EXTERNAL_LINK_URL not in request.POST:
        data = request.POST.copy()
        data[EXTERNAL_LINK_URL] = ""
        request.POST = data
    return _external_link_view(request)
