"""Classes built through the real action functions (create_class generates the
sessions), with a fixed term. Named make_cohort so as not to shadow the root
conftest's simpler make_class, which other tests under tests/classes/ use."""

from datetime import date, time

import pytest
from wagtail.models import Page

from classes.enrollment import enroll
from classes.schedule import create_class
from learning.roles import Role
from packets.levels import CEFRBand, NRSLevel
from packets.models import LevelPage
from tests.factories import publish_packet


@pytest.fixture
def make_level(db):
    def make(slug="level-2", title="Level 2 · Beginning", nrs=NRSLevel.LOW_BEGINNING):
        home = Page.objects.get(depth=2)
        level = LevelPage(slug=slug, title=title, nrs_level=nrs, cefr_band=CEFRBand.A1)
        home.add_child(instance=level)
        return level

    return make


@pytest.fixture
def level(make_level):
    return make_level()


@pytest.fixture
def make_cohort(level):
    def make(teachers=(), **fields):
        fields.setdefault("name", "Evening Level 2")
        fields.setdefault("level", level)
        fields.setdefault("term_start", date(2026, 9, 7))  # a Monday
        fields.setdefault("term_end", date(2026, 12, 18))
        fields.setdefault("meeting_days", [1, 3])
        fields.setdefault("start_time", time(18, 0))
        fields.setdefault("duration_minutes", 120)
        fields.setdefault("meeting_link", "https://meet.example.org/level2")
        return create_class(teachers=teachers, **fields)

    return make


@pytest.fixture
def a_class(make_cohort, teacher):
    return make_cohort(teachers=[teacher])


@pytest.fixture
def enrolled(a_class, make_user):
    """Make a student enrolled in a_class (or another class)."""

    def make(class_=None, **fields):
        student = make_user(Role.STUDENT, **fields)
        enroll(student, class_ or a_class)
        return student

    return make


@pytest.fixture
def packet(level):
    return publish_packet(
        level, "Week 3: At the clinic", number=3, summary="Making appointments.", publish=False
    )
