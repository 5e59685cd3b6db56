"""Which pages a request may view, for every place that shows packet content
outside Wagtail's own `serve` (which checks a page's restrictions itself): level
and packet flashcard decks and their exports, the packet finder, the level page's
list, dashboards, the images and documents of pages.

A page may be viewed when every PageViewRestriction on it or its ancestors
(sign-in, groups, password) accepts the request, as Wagtail's serve decides.
All restrictions are read in one query, whatever the number of pages."""

from wagtail.models import PageViewRestriction


class PageAccess:
    """Answers "may this request view that page?" for many pages at once."""

    def __init__(self, request):
        self.request = request
        self._restrictions = list(
            PageViewRestriction.objects.select_related("page").prefetch_related("groups")
        )
        self._accepted = {}

    def _accepts(self, restriction):
        if restriction.pk not in self._accepted:
            self._accepted[restriction.pk] = restriction.accept_request(self.request)
        return self._accepted[restriction.pk]

    def restrictions_of(self, page):
        return [r for r in self._restrictions if page.path.startswith(r.page.path)]

    def may_view(self, page):
        return all(self._accepts(restriction) for restriction in self.restrictions_of(page))

    def viewable(self, pages):
        return [page for page in pages if self.may_view(page)]


def page_access(request):
    """One PageAccess per request (several lists on one page share its query)."""
    access = getattr(request, "_harbor_page_access", None)
    if access is None:
        access = request._harbor_page_access = PageAccess(request)
    return access


def viewable(request, pages):
    return page_access(request).viewable(pages)
