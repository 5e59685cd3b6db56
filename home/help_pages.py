"""Guides at /help/: short steps, each a picture and a sentence, for one role
in one language (docs/guides.md).

A translation is a GuidePage of its own beside the original, with a `language`
and a link to the guide it translates (not Wagtail's locales: those put every
page under a language prefix such as /ar/help/, and a reader's language here is
their profile's, not the URL's). The list at /help/ picks, for each original,
its translation in the reader's language, or the original itself.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from home import guides
from learning.languages import LANGUAGES
from learning.validators import one_line
from packets.models.pages import OneLineTitle


class HelpIndexPage(Page):
    """/help/: the guides for the reader's role, in their language."""

    intro = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.GuidePage"]

    class Meta:
        verbose_name = _("help index")

    def clean(self):
        super().clean()
        # Every page's header links to /help/ (templates/components/help_link.html).
        if self.slug != "help":
            raise ValidationError({"slug": _("The help index stays at /help/: its slug is help.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = guides.sections_for(request.user, get_language(), self)
        return context


class GuidePage(OneLineTitle, Page):
    """One guide: for one role, in one language, a few steps."""

    audience = models.CharField(
        _("for"), max_length=16, choices=guides.Audience.choices, default=guides.Audience.STUDENTS
    )
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGES, default="en")
    translation_of = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="translations",
        help_text=_("Leave empty for an original guide. A translation takes its role from it."),
    )
    summary = models.CharField(_("summary"), max_length=200, validators=[one_line])
    before_sign_in = models.BooleanField(
        _("shown before signing in"),
        default=False,
        help_text=_("Listed for visitors who are not signed in yet, e.g. how to sign in."),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("audience"), FieldPanel("language")]),
        FieldPanel("translation_of"),
        FieldPanel("summary"),
        FieldPanel("before_sign_in"),
        InlinePanel("steps", heading=_("Steps"), label=_("Step"), min_num=1),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]

    parent_page_types = ["home.HelpIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("guide")

    def clean(self):
        super().clean()  # the title on one line (OneLineTitle)
        original = self.translation_of
        if original is not None:
            guides.check_translation(self, original)
            # A translation is for whom its original is for.
            self.audience = original.audience
            self.before_sign_in = original.before_sign_in

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["steps"] = guides.steps_of(self)
        context["versions"] = guides.versions_of(self)
        context["in_your_language"] = guides.version_in(context["versions"], get_language())
        context["bidi"] = guides.is_bidi(self.language)
        context["newer_original"] = guides.newer_original(self, context["versions"])
        return context


class GuideStep(Orderable):
    """One step: a picture (a screenshot, scripts/guide_screenshots.py) and a sentence."""

    page = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="steps")
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("picture"),
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.CharField(
        _("sentence"),
        max_length=300,
        validators=[one_line],
        help_text=_("One short sentence a beginning reader understands."),
    )

    panels = [FieldPanel("image"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("step")
