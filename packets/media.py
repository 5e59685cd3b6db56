"""Pictures of packets, served only to those who may see a page that shows them.

Wagtail serves an image's renditions from MEDIA_ROOT under guessable names
(`/media/images/clinic.width-480.webp`), so a private packet's pictures were
public. Here `/media/images/…` is answered after a check; the file itself is
sent by nginx (X-Accel-Redirect to an `internal` location, setting
HARBOR_MEDIA_ACCEL_REDIRECT) or, under `make run`, by Django. Originals
(`/media/original_images/`) and documents' files (`/media/documents/`) have no
URL at all: renditions are what pages show, and documents go through Wagtail's
checked `/documents/<id>/<name>` view.

Who may see a picture: someone who may choose it in the admin (its collection's
editors), or anyone its collection's view restrictions accept who may view a
live page that uses it (Wagtail's reference index says which) — or, when no
page uses it, anyone the collection accepts.
"""

import mimetypes
from urllib.parse import quote

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

from learning.ranges import file_or_part_response
from packets.privacy import page_access

PUBLIC_SECONDS = 24 * 3600
PRIVATE_SECONDS = 3600


def image_of_rendition(path):
    renditions = get_image_model().get_rendition_model().objects.select_related("image")
    rendition = renditions.filter(file=path).first()
    return rendition.image if rendition else None


def pages_using(item):
    """The live pages whose content refers to the image or document."""
    references = ReferenceIndex.get_references_to(item)
    page_type = ContentType.objects.get_for_model(Page)
    ids = references.filter(base_content_type=page_type).values_list("object_id", flat=True)
    return list(Page.objects.live().filter(pk__in=[int(pk) for pk in ids]))


def may_see(request, item, policy):
    """(may see the image or document, whether everyone may). `policy`: the
    item's Wagtail permission policy (its collection's editors may choose it)."""
    user = request.user
    if user.is_authenticated and policy.user_has_permission_for_instance(user, "choose", item):
        return True, False
    restrictions = list(item.collection.get_view_restrictions())
    if not all(r.accept_request(request) for r in restrictions):
        return False, False
    pages = pages_using(item)
    if not pages:
        return True, not restrictions
    access = page_access(request)
    seen_by_all = not restrictions and any(not access.restrictions_of(p) for p in pages)
    return any(access.may_view(page) for page in pages), seen_by_all


def serve_rendition(request, path):
    image = image_of_rendition(f"images/{path}")
    if image is None:
        raise Http404
    allowed, public = may_see(request, image, policy_registry.get_by_type(type(image)))
    if not allowed:
        raise Http404  # no hint that a private picture exists
    return media_file_response(f"images/{path}", public)


def media_file_response(name, public, request=None):
    """The stored file, sent by nginx when it is in front; else by Django, with
    the byte range `request` asks for (Safari plays audio only with ranges)."""
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    accel_prefix = settings.HARBOR_MEDIA_ACCEL_REDIRECT
    if accel_prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = accel_prefix.rstrip("/") + "/" + quote(name)
    else:
        from django.core.files.storage import default_storage

        if not default_storage.exists(name):
            raise Http404
        response = file_or_part_response(default_storage, name, content_type, request)
    if public:
        patch_cache_control(response, public=True, max_age=PUBLIC_SECONDS)
    else:
        patch_cache_control(response, private=True, max_age=PRIVATE_SECONDS)
    response["X-Content-Type-Options"] = "nosniff"
    return response
