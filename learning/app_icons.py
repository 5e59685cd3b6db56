"""Harbor as an app on a phone's home screen: the favicon every browser asks
for at /favicon.ico, and the web app manifest (name, colours, icons)."""

from functools import cache

from django.contrib.staticfiles import finders
from django.http import HttpResponse, JsonResponse
from django.templatetags.static import static
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

ACCENT = "#0b5cad"  # --accent in base.css; the icons are drawn in it
WEEK = 7 * 24 * 3600


@cache
def _favicon_bytes():
    with open(finders.find("harbor/icons/favicon.ico"), "rb") as icon:
        return icon.read()


@require_safe
def favicon(request):
    response = HttpResponse(_favicon_bytes(), content_type="image/x-icon")
    patch_cache_control(response, public=True, max_age=WEEK)
    return response


@require_safe
def manifest(request):
    icons = [
        {
            "src": static(f"harbor/icons/icon-{size}.png"),
            "sizes": f"{size}x{size}",
            "type": "image/png",
        }
        for size in (192, 512)
    ]
    icons.append(
        {
            "src": static("harbor/icons/maskable-512.png"),
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "maskable",
        }
    )
    data = {
        "name": "Harbor",
        "short_name": "Harbor",
        "lang": get_language(),
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": ACCENT,
        "icons": icons,
    }
    response = JsonResponse(data, content_type="application/manifest+json")
    patch_cache_control(response, public=True, max_age=24 * 3600)
    return response


def _icon(name, size):
    return {"src": static(f"harbor/icons/{name}"), "sizes": f"{size}x{size}", "type": "image/png"}
