"""Wagtail hooks of the packets app."""

from django.http import Http404
from wagtail import hooks
from wagtail.permissions import policy_registry

from packets.media import may_see


@hooks.register("before_serve_document")
def documents_follow_their_pages(document, request):
    """Wagtail's document view checks the document's collection; a worksheet
    used only by a packet with its own restriction (a group, a password) must
    not reach others either (packets/media.py)."""
    collection = document.collection.get_view_restrictions()
    if not all(restriction.accept_request(request) for restriction in collection):
        return None  # Wagtail's own hook asks them to sign in (or for the password)
    allowed, _everyone = may_see(request, document, policy_registry.get_by_type(type(document)))
    if not allowed:
        raise Http404
