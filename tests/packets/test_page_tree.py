from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from packets.models import AssignmentPage, LevelPage, PacketPage


class PageTreeRulesTest(WagtailPageTestCase):
    def test_levels_go_under_the_home_page_only(self):
        self.assertCanCreateAt(HomePage, LevelPage)
        self.assertCanNotCreateAt(Page, LevelPage)
        self.assertCanNotCreateAt(LevelPage, LevelPage)
        self.assertAllowedParentPageTypes(LevelPage, {HomePage})

    def test_packets_go_under_levels_only(self):
        self.assertCanCreateAt(LevelPage, PacketPage)
        self.assertCanNotCreateAt(HomePage, PacketPage)
        self.assertCanNotCreateAt(PacketPage, PacketPage)
        self.assertAllowedSubpageTypes(LevelPage, {PacketPage})

    def test_assignments_go_under_packets_and_have_no_children(self):
        self.assertCanCreateAt(PacketPage, AssignmentPage)
        self.assertCanNotCreateAt(LevelPage, AssignmentPage)
        self.assertAllowedSubpageTypes(PacketPage, {AssignmentPage})
        self.assertAllowedSubpageTypes(AssignmentPage, set())
