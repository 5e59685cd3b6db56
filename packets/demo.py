"""Demo content: the six levels (and, built on them, packets and assignments)."""

from wagtail.models import Page

from packets.levels import CEFRBand, NRSLevel
from packets.models import LevelPage

# slug, title as the program calls the level, NRS level, CEFR band, description
DEMO_LEVELS = [
    (
        "level-1",
        "Level 1 · Foundations",
        NRSLevel.BEGINNING_LITERACY,
        CEFRBand.PRE_A1,
        "First steps: letters, numbers, and everyday words for people new to reading.",
    ),
    (
        "level-2",
        "Level 2 · Beginning",
        NRSLevel.LOW_BEGINNING,
        CEFRBand.A1,
        "Short sentences for daily life: greetings, family, shopping, the clinic.",
    ),
    (
        "level-3",
        "Level 3 · High Beginning",
        NRSLevel.HIGH_BEGINNING,
        CEFRBand.A2,
        "Reading schedules, forms and signs; talking about work and home.",
    ),
    (
        "level-4",
        "Level 4 · Intermediate",
        NRSLevel.LOW_INTERMEDIATE,
        CEFRBand.A2,
        "Jobs, services and appointments: longer texts and phone calls.",
    ),
    (
        "level-5",
        "Level 5 · High Intermediate",
        NRSLevel.HIGH_INTERMEDIATE,
        CEFRBand.B1,
        "Workplace English, benefits, and writing short letters and emails.",
    ),
    (
        "level-6",
        "Level 6 · Advanced",
        NRSLevel.ADVANCED,
        CEFRBand.B2,
        "News, idioms, interviews and the language of training and study.",
    ),
]


def home_page():
    return Page.objects.get(depth=2).specific


def ensure_levels():
    """The six demo levels under the home page, found by slug; created once."""
    home = home_page()
    levels = {}
    for slug, title, nrs, cefr, description in DEMO_LEVELS:
        level = LevelPage.objects.child_of(home).filter(slug=slug).first()
        if level is None:
            level = LevelPage(
                slug=slug, title=title, nrs_level=nrs, cefr_band=cefr, description=description
            )
            home.add_child(instance=level)
            level.save_revision().publish()
        levels[slug] = level
    return levels


def load(log):
    levels = ensure_levels()
    log(f"{len(levels)} levels")
