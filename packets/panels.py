"""Slots on packet and assignment pages that other apps fill, through Wagtail hooks.

Packets never import the apps that keep people's work (DESIGN.md: content stays
publishable on its own), yet a student should see their own work on the page.
So the pages ask whoever registered one of these hooks (the classes app does, in
classes/wagtail_hooks.py) and print what comes back outside the cached body:

- "packet_page_student_status": `fn(request, packet_id, assignment_ids) -> str`,
  HTML shown to this viewer on a packet page (a student's status for each of
  its live assignments, whose ids are given), or "". Keep it to a constant,
  small number of queries: it runs on every view, even of a cached page.
- "assignment_page_panels": `fn(request, assignment, state) -> str`, HTML shown
  to this viewer under an assignment's instructions (the form to hand in work),
  or "". `state` is None on a GET; a POST hook that re-renders the page passes
  what it needs (e.g. a form with its errors) through `AssignmentPage.render_page`.
- "page_share": `fn(request, page_id) -> str`, HTML shown to this viewer on a
  packet or assignment page near its top: a teacher's Share control (the
  classes app's, classes/sharing.py), or "". On a packet page it runs on every
  view, even of a cached page: answer "" without a query to readers who cannot
  share (students, visitors).
- "flashcard_page_beacon": `fn(request, packet_id) -> str`, HTML added to this
  viewer's flashcard practice page for a packet (the classes app's clock-time
  beacon, classes/clock_time.py), or "".
- "assignment_page_post": `fn(request, assignment) -> HttpResponse | None`,
  answers a POST to the assignment's own URL. The first hook that returns a
  response wins; with none, a POST is refused with 405.

HTML means a SafeString (`render_to_string`, `format_html`): a plain str is
escaped when printed. With no hook registered, both pages still render: an
assignment page then shows its quiz preview and tells students their teacher
will say how to hand in.
"""

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from wagtail import hooks

PACKET_PAGE_STUDENT_STATUS = "packet_page_student_status"
ASSIGNMENT_PAGE_PANELS = "assignment_page_panels"
ASSIGNMENT_PAGE_POST = "assignment_page_post"
PAGE_SHARE = "page_share"
FLASHCARD_PAGE_BEACON = "flashcard_page_beacon"


def panels(hook_name, *args):
    """The HTML each registered hook gives for this viewer, leaving out empty ones."""
    return [html for fn in hooks.get_hooks(hook_name) if (html := fn(*args))]


def student_status(request, packet_id, assignment_ids):
    """The packet page's per-reader status block: every hook's HTML, joined."""
    parts = hooks.get_hooks(PACKET_PAGE_STUDENT_STATUS)
    return mark_safe(  # each part escaped unless it is a SafeString already
        "".join(conditional_escape(fn(request, packet_id, assignment_ids)) for fn in parts)
    )


def share(request, page_id):
    """A packet or assignment page's Share control for this viewer: every hook's HTML, joined."""
    return mark_safe(  # each part escaped unless it is a SafeString already
        "".join(conditional_escape(fn(request, page_id)) for fn in hooks.get_hooks(PAGE_SHARE))
    )


def flashcard_beacon(request, packet_id):
    """What the flashcard practice page adds for this viewer: every hook's HTML, joined."""
    parts = hooks.get_hooks(FLASHCARD_PAGE_BEACON)
    return mark_safe(  # each part escaped unless it is a SafeString already
        "".join(conditional_escape(fn(request, packet_id)) for fn in parts)
    )


def answer_post(request, assignment):
    """The first response a POST hook gives, or None."""
    for fn in hooks.get_hooks(ASSIGNMENT_PAGE_POST):
        response = fn(request, assignment)
        if response is not None:
            return response
    return None
