"""The Wagtail admin links to the class pages, where teachers run their classes;
the packet and assignment pages get the students' side of submissions.

Classes are not edited as snippets: creating one must generate its sessions and
changing the roll must keep its history, which the action functions do."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from classes import clock_time, sharing
from classes.records.catalog_admin import TestCatalogGroup
from classes.submissions import pages as submission_pages
from packets.panels import (
    ASSIGNMENT_PAGE_PANELS,
    ASSIGNMENT_PAGE_POST,
    FLASHCARD_PAGE_BEACON,
    PACKET_PAGE_STUDENT_STATUS,
    PAGE_SHARE,
)


@hooks.register("register_admin_menu_item")
def register_classes_menu_item():
    return MenuItem(_("Classes"), "/classes/", icon_name="group", order=250)


# Handing in work on an assignment page, and a student's status on a packet page:
# the packets app asks through these hooks and never imports classes (packets/panels.py).
hooks.register(ASSIGNMENT_PAGE_PANELS, submission_pages.assignment_panel)
hooks.register(ASSIGNMENT_PAGE_POST, submission_pages.answer_post)
hooks.register(PACKET_PAGE_STUDENT_STATUS, submission_pages.packet_status)
# A teacher's Share control on packet and assignment pages (classes/sharing.py).
hooks.register(PAGE_SHARE, sharing.share_panel)
# Clock time (classes/clock_time.py): the packet and flashcard pages measure a
# student's time with a small beacon script.
hooks.register(PACKET_PAGE_STUDENT_STATUS, clock_time.reading_beacon)
hooks.register(FLASHCARD_PAGE_BEACON, clock_time.flashcards_beacon)

# The catalog of approved tests (classes/records/catalog_admin.py).
register_snippet(TestCatalogGroup)
