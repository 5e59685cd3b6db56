"""Flashcard URLs under a level or packet page, served through Wagtail's `serve`
so the page's privacy (PageViewRestriction) applies to them as to the page."""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path


class FlashcardRoutesMixin(RoutablePageMixin):
    @path("flashcards/", name="flashcards")
    def flashcards_route(self, request):
        from packets.flashcards import views

        return views.practice(request, self)

    # Wagtail's page URLs end in a slash and allow no dot: packets/flashcards/urls.py
    # sends <page-url>flashcards.apkg to `serve`, which resolves it here.
    @path("flashcards.apkg/", name="flashcards_apkg")
    def flashcards_apkg_route(self, request):
        from packets.flashcards import views

        return views.anki_export(request, self)

    @path("flashcards.txt/", name="flashcards_txt")
    def flashcards_txt_route(self, request):
        from packets.flashcards import views

        return views.quizlet_export(request, self)
