"""The content tree: HomePage → LevelPage → PacketPage → AssignmentPage."""

from datetime import datetime, time
from http import HTTPMethod
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from learning.validators import one_line
from packets import page_cache
from packets.blocks import PacketStreamBlock, QuizStreamBlock, StudentNoteBlock
from packets.flashcards.deck import words_in
from packets.flashcards.routes import FlashcardRoutesMixin
from packets.forms import PageForm
from packets.levels import AssignmentKind, CEFRBand, NRSLevel
from packets.panels import ASSIGNMENT_PAGE_PANELS, answer_post, panels, share
from packets.privacy import viewable
from packets.tree import AssignmentManager, LevelManager, PacketManager
from packets.voice.texts import page_voices


class OneLineTitle:
    """Titles go into one-line places (mail subjects, exports): no line breaks."""

    def clean(self):
        super().clean()
        try:
            one_line(self.title)
        except ValidationError as error:
            raise ValidationError({"title": error}) from error


class LevelPage(OneLineTitle, FlashcardRoutesMixin, Page):
    """A level as the program calls it ("Level 2 evening"), with its standardized level."""

    nrs_level = models.PositiveSmallIntegerField(_("NRS ESL level"), choices=NRSLevel.choices)
    cefr_band = models.CharField(_("CEFR band"), max_length=8, choices=CEFRBand.choices)
    description = models.TextField(_("description"), blank=True, max_length=1000)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("nrs_level"), FieldPanel("cefr_band")]),
        FieldPanel("description"),
        InlinePanel("shared_packets", heading=_("Shared from other levels"), label=_("Packet")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("description")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["packets.PacketPage"]

    objects = LevelManager()

    class Meta:
        verbose_name = _("level")

    def __str__(self):
        return self.title

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        packets = (
            PacketPage.objects.child_of(self)
            .live()
            .defer_streamfields()
            .order_by("-number", "-first_published_at")
        )
        shared = [link.packet for link in self.shared_packets.select_related("packet")]
        # A packet with its own restriction is listed only to those who may open it.
        context["packets"] = viewable(request, packets)
        context["shared"] = viewable(request, [packet for packet in shared if packet.live])
        return context


class PacketTag(TaggedItemBase):
    content_object = ParentalKey(
        "packets.PacketPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class PacketPage(OneLineTitle, FlashcardRoutesMixin, Page):
    """A week's (or unit's) classwork for one level."""

    number = models.PositiveSmallIntegerField(
        _("week or unit"), help_text=_("Packets are listed by this number, newest first.")
    )
    summary = models.TextField(_("summary"), max_length=400)
    notes = StreamField(
        [("note", StudentNoteBlock())],
        blank=True,
        verbose_name=_("notes in students' languages"),
        help_text=_("Each student sees the note in their own language, if there is one."),
    )
    body = StreamField(PacketStreamBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(through=PacketTag, blank=True, verbose_name=_("topics"))

    base_form_class = PageForm  # refuses stream fields it cannot read
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("number"), FieldPanel("summary"), FieldPanel("tags")]),
        FieldPanel("notes"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        # FilterField("slug"): the packet finder searches within a topic.
        index.RelatedFields("tags", [index.SearchField("name"), index.FilterField("slug")]),
        index.FilterField("number"),
    ]

    parent_page_types = ["packets.LevelPage"]
    subpage_types = ["packets.AssignmentPage"]

    objects = PacketManager()

    class Meta:
        verbose_name = _("packet")

    @path("")
    def index_route(self, request, *args, **kwargs):
        """The packet itself, kept in the cache for every reader (packets/page_cache.py)."""
        return page_cache.serve_packet(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["level"] = self.get_parent()
        context["note"] = self.note_for(get_language())
        assignments = list(
            AssignmentPage.objects.child_of(self)
            .live()
            .defer_streamfields()
            .order_by(F("due_date").asc(nulls_last=True), "path")
        )
        context["assignments"] = assignments
        context["word_count"] = words_in(self)
        context["voices"] = page_voices(self.body)
        context["release"] = page_cache.release()
        context["reader"] = page_cache.ReaderParts(
            request, self.pk, tuple(sorted(a.pk for a in assignments))
        )
        return context

    def note_for(self, language):
        """The student note in the viewer's language, if the teacher wrote one."""
        return next((n.value["text"] for n in self.notes if n.value["language"] == language), "")


class LevelSharedPacket(Orderable):
    """A packet from another level that a teacher linked to this level."""

    level = ParentalKey(LevelPage, on_delete=models.CASCADE, related_name="shared_packets")
    packet = models.ForeignKey(
        PacketPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("packet")
    )

    panels = [FieldPanel("packet")]

    class Meta(Orderable.Meta):
        verbose_name = _("shared packet")
        constraints = [
            models.UniqueConstraint(fields=["level", "packet"], name="unique_shared_packet")
        ]


class AssignmentPage(OneLineTitle, Page):
    """Work to do for a packet, with its own URL to share in email or chat.

    Students hand their work in at that same URL: a POST goes to the
    "assignment_page_post" hooks and the form comes from the
    "assignment_page_panels" hooks (packets/panels.py), which the classes app
    registers, so packets never import it.
    """

    kind = models.CharField(_("kind"), max_length=16, choices=AssignmentKind.choices)
    due_date = models.DateField(
        _("due date"),
        null=True,
        blank=True,
        help_text=_("Due at the end of this day in the program's time zone."),
    )
    points = models.PositiveSmallIntegerField(_("points"), default=10)
    instructions = StreamField(PacketStreamBlock(), verbose_name=_("instructions"))
    questions = StreamField(
        QuizStreamBlock(),
        blank=True,
        verbose_name=_("quiz questions"),
        help_text=_("Only for quizzes: questions that score themselves."),
    )

    base_form_class = PageForm  # refuses stream fields it cannot read
    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("due_date"), FieldPanel("points")]),
        FieldPanel("instructions"),
        FieldPanel("questions"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("instructions")]

    parent_page_types = ["packets.PacketPage"]
    subpage_types = []

    objects = AssignmentManager()
    # POST: handing in work (see the class docstring); nothing else writes here.
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS, HTTPMethod.POST]

    class Meta:
        verbose_name = _("assignment")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["voices"] = page_voices(self.instructions)
        return context

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            return answer_post(request, self) or HttpResponseNotAllowed(["GET", "HEAD", "OPTIONS"])
        return self.render_page(request)

    def render_page(self, request, *, state=None, status=200):
        """The page with this viewer's panels; a POST hook calls it to show a form
        again with its errors (`state`), keeping what the student sent."""
        request.is_preview = False
        context = self.get_context(request)
        context["panels"] = panels(ASSIGNMENT_PAGE_PANELS, request, self, state)
        context["share"] = share(request, self.pk)
        return TemplateResponse(request, self.get_template(request), context, status=status)

    @property
    def packet(self):
        return self.get_parent().specific

    @property
    def due_at(self):
        """The end of the due date in the program's time zone (an aware datetime)."""
        if self.due_date is None:
            return None
        return datetime.combine(self.due_date, time.max, tzinfo=ZoneInfo(settings.TIME_ZONE))
