"""Wagtail's admin views trust that a request carries every field their own
forms send and names objects that exist. A request that does not (hand-made,
cut short on a bad connection, or naming a revision that is not there) raised
KeyError or AttributeError deep inside Wagtail: a 500 for the sender and a
false alarm for whoever reads the errors. At the admin's boundary it is
answered 400 with a message; it is still logged with its traceback, so a real
fault in the admin stays visible."""

import logging

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)
ADMIN_PREFIX = "/admin/"


def is_missing_input(exception):
    """A field Wagtail read was not sent (KeyError, MultiValueDictKeyError), or
    a value it looked up from one was None."""
    if isinstance(exception, KeyError):
        return True
    return isinstance(exception, AttributeError) and "'NoneType'" in str(exception)


class AdminIncompleteFormMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not request.path.startswith(ADMIN_PREFIX):
            return None
        if not is_missing_input(exception):
            return None
        logger.warning("Incomplete admin form at %s", request.path, exc_info=exception)
        message = _(
            "This form arrived incomplete, or what it names no longer exists. "
            "Go back, reload the page and try again."
        )
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
