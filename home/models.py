from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.dashboards import dashboard_context
from packets.tree import deepest_on_path


class HomePage(Page):
    """The site root: a welcome for visitors, a dashboard for signed-in users."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown to visitors who are not signed in."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["packets.LevelPage", "home.HelpIndexPage"]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Find the page at the path with one lookup by its stored url_path,
        instead of one query (and one more for its type) per level of the tree.
        Anything that is not a live page there (a route of a routable page such
        as flashcards/) goes through Wagtail's usual walk."""
        if path_components:
            url_path = f"{self.url_path}{'/'.join(path_components)}/"
            page = Page.objects.live().filter(url_path=url_path).specific().first()
            if page is not None:
                return page.route(request, [])
            return self.route_below_deepest_page(request, path_components)
        return super().route(request, path_components)

    def route_below_deepest_page(self, request, path_components):
        """A path under a page (a routable page's flashcards/): the deepest page
        on the path routes the rest, found in one lookup where Wagtail's walk
        would ask once per level."""
        page, rest = deepest_on_path(self, path_components)
        if page is None:
            return super().route(request, path_components)
        return page.specific.route(request, rest)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(dashboard_context(request))
        return context


# The guides at /help/ (their own module: home/help_pages.py).
from home.help_pages import GuidePage, GuideStep, HelpIndexPage  # noqa: E402

__all__ = ["GuidePage", "GuideStep", "HelpIndexPage", "HomePage"]
