"""The content tree's reads (packets/tree.py): the one place that knows how
levels, packets and assignments sit in Wagtail's tree."""

import re
from pathlib import Path

import pytest
from django.apps import apps

from packets.models import AssignmentPage, LevelPage, LevelSharedPacket, PacketPage
from packets.tree import by_parent, home_page, is_in, level_of, level_path_of, packet_of

ROOT = Path(__file__).resolve().parents[2]
OTHER_APPS = ("classes", "home", "learning")


@pytest.fixture
def tree(levels, make_packet, make_assignment):
    """Two packets in level 1 (one with two assignments), one in level 2."""
    greetings = make_packet("level-1", "greetings", number=1)
    family = make_packet("level-1", "family", number=2)
    work = make_packet("level-2", "work", number=1)
    hello = make_assignment(greetings, "say-hello")
    names = make_assignment(greetings, "names")
    job = make_assignment(work, "my-job")
    return levels, (greetings, family, work), (hello, names, job)


def test_packets_and_assignments_in_levels_are_only_theirs(tree):
    levels, (greetings, family, work), (hello, names, job) = tree
    assert set(PacketPage.objects.in_levels([levels["level-1"]])) == {greetings, family}
    both = [levels["level-1"], levels["level-2"]]
    assert set(PacketPage.objects.in_levels(both)) == {greetings, family, work}
    assert set(AssignmentPage.objects.in_levels([levels["level-2"]])) == {job}
    assert set(AssignmentPage.objects.in_packets([greetings, family])) == {hello, names}
    assert not PacketPage.objects.in_levels([]).exists()


def test_a_page_knows_its_level(tree):
    levels, (greetings, _family, work), (hello, _names, job) = tree
    assert level_of(greetings) == levels["level-1"]
    assert level_of(job) == levels["level-2"]
    assert level_of(levels["level-1"]) is None
    assert level_of(home_page()) is None
    assert is_in(hello, levels["level-1"]) and is_in(hello, greetings)
    assert not is_in(hello, work)


def test_a_packet_is_offered_in_its_level_and_the_levels_it_is_shared_into(tree):
    levels, (greetings, _family, _work), (hello, _names, _job) = tree
    LevelSharedPacket.objects.create(level=levels["level-3"], packet=greetings)
    offered = {levels["level-1"], levels["level-3"]}
    assert set(LevelPage.objects.offering(hello)) == offered
    assert set(LevelPage.objects.offering(greetings)) == offered


def test_a_moved_packet_follows_its_new_level(tree):
    levels, (greetings, _family, _work), (hello, _names, _job) = tree
    greetings.move(levels["level-4"], pos="last-child")
    hello.refresh_from_db()
    assert level_of(hello) == levels["level-4"]
    assert set(AssignmentPage.objects.in_levels([levels["level-4"]])) == {hello, _names}
    assert not PacketPage.objects.in_levels([levels["level-1"]]).filter(pk=greetings.pk).exists()


def test_children_are_grouped_under_their_parents_in_order(tree):
    _levels, (greetings, family, work), (hello, names, job) = tree
    grouped = by_parent([names, job, hello], [greetings, family, work])
    assert grouped == {greetings: [names, hello], family: [], work: [job]}


def test_annotations_name_the_packet_and_level_in_the_same_query(tree, django_assert_num_queries):
    levels, (greetings, _family, work), (hello, _names, job) = tree
    with django_assert_num_queries(1):
        rows = dict(
            AssignmentPage.objects.filter(pk__in=[hello.pk, job.pk])
            .annotate(packet=packet_of(""), level=level_path_of(""))
            .values_list("pk", "packet")
        )
    assert rows == {hello.pk: greetings.title, job.pk: work.title}
    paths = AssignmentPage.objects.annotate(level=level_path_of("")).values_list("level", flat=True)
    assert set(paths) == {levels["level-1"].path, levels["level-2"].path}


def sources(app):
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path.relative_to(ROOT).as_posix(), path.read_text()


def test_packets_never_import_classes():
    imports = re.compile(r"^\s*(from|import)\s+classes\b", re.MULTILINE)
    assert [name for name, text in sources("packets") if imports.search(text)] == []


def test_no_other_app_names_wagtails_or_packets_tables():
    models = [*apps.get_app_config("wagtailcore").get_models()]
    models += apps.get_app_config("packets").get_models()
    names = "|".join(m._meta.db_table for m in models)
    tables = re.compile(rf"\b({names})\b")
    found = [name for app in OTHER_APPS for name, text in sources(app) if tables.search(text)]
    assert found == []


def test_no_other_app_does_arithmetic_on_tree_paths():
    arithmetic = re.compile(r"steplen|path__startswith|\bdepth\b|\.path\[\s*:")
    found = [name for app in OTHER_APPS for name, text in sources(app) if arithmetic.search(text)]
    assert found == []
