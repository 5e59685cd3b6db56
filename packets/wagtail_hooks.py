"""Wagtail hooks of the packets app."""

from django.http import Http404
from django.template.response import TemplateResponse
from wagtail import hooks
from wagtail.admin.forms.pages import CopyForm
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail.permissions import policy_registry

from learning.ids import parse_number
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


@hooks.register("before_serve_document")
def documents_have_a_hash(document, request):
    """Wagtail's view sends the document's file hash as its ETag: a document
    saved without one (made in code, or before Wagtail kept hashes) went out
    with an empty ETag. Wagtail's own getter computes and saves it once."""
    document.get_file_hash()


@hooks.register("before_copy_page")
def copy_needs_a_parent_page(request, page):
    """Wagtail's copy view looks up the posted parent page before its form does:
    a copy posted without one, or with text or a page that does not exist, was a
    500. The form answers instead, asking for the parent (400); it shows none, as
    its chooser cannot show a page that is not there."""
    if request.method != "POST":
        return None
    parent_id = parse_number(request.POST.get("new_parent_page", ""))
    if parent_id is not None and Page.objects.filter(pk=parent_id).exists():
        return None
    form_class = getattr(page.specific_class, "copy_form_class", CopyForm)
    data = request.POST.copy()
    data.pop("new_parent_page", None)
    form = form_class(data, user=request.user, page=page)
    form.is_valid()
    context = {"page": page, "form": form, "next": get_valid_next_url_from_request(request)}
    return TemplateResponse(request, "wagtailadmin/pages/copy.html", context, status=400)
