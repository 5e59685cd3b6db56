"""Teachers edit only the levels they teach; managers edit all; students never
reach the admin. Enforced by Wagtail's own group page and collection permissions."""

import pytest
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.permissions import policy_registry

from packets.models import AssignmentPage, PacketPage
from packets.permissions import grant_level_editing, level_collection, revoke_level_editing

pytestmark = pytest.mark.django_db


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def test_a_teacher_edits_their_level_but_not_another(client, teacher, levels, make_packet):
    grant_level_editing(levels["level-1"], teacher)
    own = make_packet(level="level-1", slug="own")
    other = make_packet(level="level-4", slug="other")
    client.force_login(teacher)
    assert client.get(edit_url(own)).status_code == 200
    refused = client.get(edit_url(other))
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    client.post(edit_url(other), {"title": "Taken over", "slug": "other"})
    assert PacketPage.objects.get(pk=other.pk).title == "Greetings"


def test_a_teacher_no_longer_teaching_a_level_loses_editing(client, teacher, levels, make_packet):
    grant_level_editing(levels["level-2"], teacher)
    revoke_level_editing(levels["level-2"], teacher)
    packet = make_packet(level="level-2")
    client.force_login(teacher)
    assert client.get(edit_url(packet)).status_code == 302


def test_a_manager_edits_every_level(client, manager, make_packet):
    packet = make_packet(level="level-6")
    client.force_login(manager)
    assert client.get(edit_url(packet)).status_code == 200


def test_a_student_cannot_reach_the_admin(client, student, make_packet):
    packet = make_packet()
    client.force_login(student)
    for url in ("/admin/", edit_url(packet)):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_a_teachers_images_go_to_their_levels_collection_only(teacher, levels):
    grant_level_editing(levels["level-1"], teacher)
    policy = policy_registry.get_by_type(get_image_model())
    collections = policy.collections_user_has_permission_for(teacher, "add")
    assert list(collections) == [level_collection(levels["level-1"])]
    assert Collection.get_first_root_node() not in collections


def test_copying_a_packet_to_another_level_keeps_its_assignments(
    client, teacher, levels, make_packet, make_assignment
):
    for slug in ("level-1", "level-2"):
        grant_level_editing(levels[slug], teacher)
    packet = make_packet(level="level-1")
    make_assignment(packet, slug="write", kind="written")
    make_assignment(packet, slug="quiz", kind="quiz")
    client.force_login(teacher)
    response = client.post(
        f"/admin/pages/{packet.pk}/copy/",
        {
            "new_title": "Greetings",
            "new_slug": "greetings",
            "new_parent_page": levels["level-2"].pk,
            "copy_subpages": "on",
            "publish_copies": "on",
        },
    )
    assert response.status_code == 302
    copy = PacketPage.objects.child_of(levels["level-2"]).get(slug="greetings")
    kinds = sorted(AssignmentPage.objects.child_of(copy).live().values_list("kind", flat=True))
    assert kinds == ["quiz", "written"]
