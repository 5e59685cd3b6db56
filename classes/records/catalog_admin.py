"""The test catalog in the Wagtail admin (a "Tests" menu): managers update the
approved tests, their forms and score tables when the Federal Register or the
state changes them. Model permissions decide who sees it: the Managers group is
given them by migration 0022 (teachers are not)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from classes.models import ScoreBand, TestForm, TestInstrument


class TestInstrumentViewSet(SnippetViewSet):
    model = TestInstrument
    icon = "clipboard-list"
    list_display = ["name", "version", "approved_from", "approved_until", "min_hours_between"]
    list_filter = ["active"]


class TestFormViewSet(SnippetViewSet):
    model = TestForm
    icon = "doc-full"
    list_display = ["instrument", "code", "notes", "adaptive"]
    list_filter = ["instrument"]


class ScoreBandViewSet(SnippetViewSet):
    model = ScoreBand
    icon = "table"
    list_display = ["instrument", "nrs_level", "low", "high"]
    list_filter = ["instrument"]


class TestCatalogGroup(SnippetViewSetGroup):
    menu_label = _("Tests")
    menu_icon = "clipboard-list"
    menu_order = 260
    items = (TestInstrumentViewSet, TestFormViewSet, ScoreBandViewSet)
