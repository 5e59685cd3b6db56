"""Where a page sits in the content tree, and the reads that follow from it.

The tree has fixed levels: Wagtail's root (depth 1) → the one HomePage (2) →
LevelPage (3) → PacketPage (4) → AssignmentPage (5). Only this module does
arithmetic on Wagtail's tree paths and depths; every other app asks it, or the
QuerySet methods below (`PacketPage.objects.in_levels(levels)`,
`AssignmentPage.objects.in_packets(packets)` …), so a change to the tree is a
change here. A page's path is its ancestors' paths followed by `STEP`
characters of its own.
"""

from collections import defaultdict

from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Substr
from wagtail.models import Page, PageManager, PageQuerySet

HOME_DEPTH, LEVEL_DEPTH, PACKET_DEPTH, ASSIGNMENT_DEPTH = 2, 3, 4, 5
STEP = Page.steplen


def home_page():
    """The site's HomePage (there is one, under Wagtail's root)."""
    return Page.objects.get(depth=HOME_DEPTH).specific


def level_path(page):
    """The tree path of the level a packet or assignment is under (a level's own path)."""
    return page.path[: STEP * LEVEL_DEPTH]


def packet_path(page):
    """The tree path of the packet an assignment is in (a packet's own path)."""
    return page.path[: STEP * PACKET_DEPTH]


def is_in(page, ancestor):
    """Whether `page` is `ancestor` or somewhere below it."""
    return page.path.startswith(ancestor.path)


def below(ancestors, depth, via=""):
    """A Q for the pages at `depth` under any of `ancestors`; `via` is the lookup
    to a page from another model ("packet__" for FlashcardProgress)."""
    under = Q(pk__in=[])
    for ancestor in ancestors:
        under |= Q(**{f"{via}path__startswith": ancestor.path, f"{via}depth": depth})
    return under


def by_parent(pages, parents):
    """{parent: [its children among `pages`, in their order]} for each of `parents`."""
    children = defaultdict(list)
    for page in pages:
        children[page.path[:-STEP]].append(page)
    return {parent: children[parent.path] for parent in parents}


def packet_of(assignment_lookup, field="title"):
    """A subquery for annotate(): `field` of the packet holding the assignment at
    `assignment_lookup` (e.g. "assignment" from a Submission; "" from an
    AssignmentPage itself), in the same query."""
    path = Substr(OuterRef(_path(assignment_lookup)), 1, STEP * PACKET_DEPTH)
    return Subquery(Page.objects.filter(path=path).values(field)[:1])


def level_path_of(page_lookup):
    """An expression for values()/annotate(): the path of the level that the
    packet or assignment at `page_lookup` is under ("" for the page itself);
    compare it with `level.path` to group rows by level without a join."""
    return Substr(_path(page_lookup), 1, STEP * LEVEL_DEPTH)


def _path(lookup):
    return f"{lookup}__path" if lookup else "path"


class LevelQuerySet(PageQuerySet):
    def of_page(self, page):
        """The level a packet or assignment is under (none for a level itself)."""
        if page.depth <= LEVEL_DEPTH:
            return self.none()
        return self.filter(path=level_path(page))

    def offering(self, page):
        """The level a packet or assignment is under and the levels its packet is
        shared into (LevelSharedPacket)."""
        shared = Q(shared_packets__packet__path=packet_path(page))
        return self.filter(Q(path=level_path(page)) | shared)


class PacketQuerySet(PageQuerySet):
    def in_levels(self, levels):
        return self.filter(below(levels, PACKET_DEPTH))


class AssignmentQuerySet(PageQuerySet):
    def in_levels(self, levels):
        return self.filter(below(levels, ASSIGNMENT_DEPTH))

    def in_packets(self, packets):
        return self.filter(below(packets, ASSIGNMENT_DEPTH))


def deepest_on_path(root, path_components):
    """(the deepest page whose url_path begins `root`'s url_path followed by the
    components, the components below it), in one lookup; (None, components) when
    no page does. Wagtail's walk reaches the same page: url_path is made of slugs."""
    prefixes = [
        f"{root.url_path}{'/'.join(path_components[:n])}/" for n in range(1, len(path_components))
    ]
    page = Page.objects.filter(url_path__in=prefixes).order_by("-depth").first()
    if page is None:
        return None, path_components
    return page, path_components[page.depth - root.depth :]


def level_of(page):
    """The LevelPage a packet or assignment is under, or None (one query)."""
    from packets.models import LevelPage

    return LevelPage.objects.of_page(page).first()


LevelManager = PageManager.from_queryset(LevelQuerySet)
PacketManager = PageManager.from_queryset(PacketQuerySet)
AssignmentManager = PageManager.from_queryset(AssignmentQuerySet)
