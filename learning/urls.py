from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from classes.views.learning_time import learning_time
from learning import doors
from learning.admin_guards import dismissibles, external_link_chooser
from learning.app_icons import favicon, manifest
from learning.health import healthz
from learning.ids import TOO_LONG_FOR_AN_ID as TOO_LONG
from learning.offline import offline_page, service_worker
from learning.views import email_page, no_such_page, set_language
from packets.documents import serve_document
from packets.media import serve_rendition
from packets.views import packet_finder, serve_packet_page
from packets.voice.views import serve_spoken_text

# One door to sign in (learning/doors.py): Wagtail's own sign-in and password
# reset lead to allauth's, and its page and document password forms are limited.
# Before the admin's, the documents' and the page tree's own patterns.
one_door = [
    path("admin/login/", doors.admin_sign_in),
    path("admin/password_reset/", doors.password_reset),
    path("_util/login/", doors.site_sign_in),
    path(
        "_util/authenticate_with_password/<id:page_view_restriction_id>/<id:page_id>/",
        doors.page_password,
    ),
    path("documents/authenticate_with_password/<id:restriction_id>/", doors.document_password),
]

# Wagtail routes that hand an id from the path to the database as text: letters
# (`<str:pk>`) or more digits than int() takes (`\d+`) were a 500. Whatever
# cannot be an id is a 404 here; an id goes on to Wagtail's route.
not_ids = [
    path("admin/documents/chooser/chosen/<not_id:pk>/", no_such_page),
    path("admin/images/chooser/chosen/<not_id:pk>/", no_such_page),
    re_path(rf"^admin/pages/{TOO_LONG}/revisions/compare/", no_such_page),
    re_path(rf"^admin/pages/\d+/revisions/compare/([^/]*\.)?{TOO_LONG}(\.[^/]*)?/$", no_such_page),
    re_path(rf"^documents/{TOO_LONG}/", no_such_page),
]

# Wagtail's document routes, its serve view wrapped for ranges and right headers.
documents = [
    re_path(r"^(\d+)/(.*)$", serve_document, name="wagtaildocs_serve"),
    *(route for route in wagtaildocs_urls.urlpatterns if route.name != "wagtaildocs_serve"),
]

# Other Wagtail admin views that answered 500 to requests no browser sends.
admin_guards = [
    path("admin/choose-external-link/", external_link_chooser),
    path("admin/dismissibles/", dismissibles),
]

urlpatterns = [
    *one_door,
    *not_ids,
    *admin_guards,
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon, name="favicon"),
    path("manifest.webmanifest", manifest, name="manifest"),
    path("sw.js", service_worker, name="service_worker"),
    path("offline/", offline_page, name="offline"),
    path("accounts/email/", email_page, name="account_email"),
    path("accounts/", include("allauth.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("welcome/", include("learning.welcome.urls")),
    path("classes/", include("classes.chat.urls")),
    path("packets/find/", packet_finder, name="packet_finder"),
    path("admin/", include(wagtailadmin_urls)),
    path("classes/", include("classes.urls")),
    path("practice/", include("classes.practice.urls")),
    path("submissions/", include("classes.submissions.urls")),
    path("records/exports/", include("classes.records.export_urls")),
    path("records/", include("classes.records.urls")),
    path("learning-time/", learning_time, name="learning_time"),
    path("loans/", include("classes.loans.urls")),
    path("notices/", include("classes.notices.urls")),
    path("documents/", include(documents)),
]

# Pictures of pages, after checking who may see them (packets/media.py). No other
# file under MEDIA_ROOT has a URL: no originals, no documents' files (documents go
# through Wagtail's checked /documents/ view), also not under `make run`.
urlpatterns += [
    re_path(r"^media/images/(?P<path>[^/]+)$", serve_rendition, name="image_rendition"),
    # Generated pronunciation (packets/voice/views.py): 404 until the worker made it.
    re_path(r"^voice/(?P<name>[^/]+)$", serve_spoken_text, name="spoken_text"),
]

# The page tree last: it answers every remaining path (flashcard files first:
# their names end in .apkg/.txt, which Wagtail's pattern does not take).
urlpatterns += [
    path("", include("packets.flashcards.urls")),
    # A level's packet (two segments; not Wagtail's own _util/ views) is first
    # looked for in the packet page cache, then served by Wagtail.
    re_path(r"^(?!_util/)((?:[\w\-]+/){2})$", serve_packet_page, name="packet_page"),
    path("", include(wagtail_urls)),
]
