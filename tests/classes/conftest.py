"""Classes built through the real action functions (create_class generates the
sessions), with a fixed term. Named make_cohort so as not to shadow the root
conftest's simpler make_class, which other tests under tests/classes/ use."""

import pytest

from classes.enrollment import enroll
from learning.roles import Role
from packets.levels import NRSLevel
from tests.factories import add_level, open_class, publish_packet


@pytest.fixture
def make_level(db):
    def make(slug="level-2", title="Level 2 · Beginning", nrs=NRSLevel.LOW_BEGINNING):
        return add_level(slug, title, nrs)

    return make


@pytest.fixture
def level(make_level):
    return make_level()


@pytest.fixture
def make_cohort(level):
    def make(teachers=(), **fields):
        fields.setdefault("meeting_link", "https://meet.example.org/level2")
        return open_class(fields.pop("level", level), teachers, **fields)

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
