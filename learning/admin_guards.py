"""Wagtail admin views that answered a request no browser sends with a 500;
Harbor's routes (learning/urls.py) answer first and hand the rest on."""

import json

from django.http import HttpResponseBadRequest
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.chooser import ExternalLinkView
from wagtail.admin.views.dismissibles import DismissiblesView

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


class _Dismissibles(DismissiblesView):
    """Wagtail merged any JSON into the profile's dict: a list or a number
    (`dict.update` of it) was a 500. Only an object of names is an update."""

    def patch(self, request, *args, **kwargs):
        try:
            updates = json.loads(request.body)
        except (json.JSONDecodeError, UnicodeDecodeError):
            return HttpResponseBadRequest()
        if not isinstance(updates, dict):
            return HttpResponseBadRequest()
        return super().patch(request, *args, **kwargs)


dismissibles = require_admin_access(_Dismissibles.as_view())
