import pytest
from wagtail.models import PageViewRestriction

from packets.models import LevelSharedPacket
from packets.permissions import level_collection

pytestmark = pytest.mark.django_db


def get(client, page):
    return client.get(page.url, HTTP_HOST="localhost")


def test_a_student_reads_a_level_its_packets_and_an_assignment(
    login, student, levels, make_packet, make_assignment
):
    packet = make_packet(number=3, title="At the clinic")
    assignment = make_assignment(packet, kind="quiz", title="Clinic quiz", points=5)
    client = login(student)

    level_page = get(client, levels["level-1"]).content.decode()
    assert "Week 3" in level_page and "At the clinic" in level_page

    packet_page = get(client, packet).content.decode()
    assert "Clinic quiz" in packet_page and assignment.url in packet_page

    assignment_page = get(client, assignment).content.decode()
    assert "Short quiz" in assignment_page and "America/New_York" in assignment_page
    assert "Write three sentences." in assignment_page


def test_a_private_packet_sends_anonymous_visitors_to_sign_in(client, make_packet):
    packet = make_packet()
    response = get(client, packet)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_a_level_made_public_in_the_admin_is_open_to_everyone(client, levels, make_packet):
    packet = make_packet()
    PageViewRestriction.objects.filter(page=levels["level-1"]).delete()
    assert "Greetings" in get(client, packet).content.decode()


def test_every_new_level_starts_private(levels):
    for level in levels.values():
        restrictions = PageViewRestriction.objects.filter(page=level)
        assert [r.restriction_type for r in restrictions] == [PageViewRestriction.LOGIN]


def test_the_student_note_follows_the_viewers_language(login, make_user, make_packet):
    notes = [
        {"type": "note", "value": {"language": "ar", "text": "اقرأ الكلمات"}},
        {"type": "note", "value": {"language": "es", "text": "Lee las palabras"}},
    ]
    packet = make_packet(notes=notes)
    reader = make_user(preferred_language="es")
    page = get(login(reader), packet).content.decode()
    assert "Lee las palabras" in page and "اقرأ الكلمات" not in page


def test_a_level_lists_packets_shared_from_other_levels(login, student, levels, make_packet):
    packet = make_packet(level="level-4", title="Bus schedules")
    level = levels["level-3"]
    LevelSharedPacket.objects.create(level=level, packet=packet)
    page = get(login(student), level).content.decode()
    assert "Shared from other levels" in page and packet.url in page


def test_teachers_are_offered_the_finder_on_a_level_and_students_are_not(
    client, student, teacher, levels
):
    level = levels["level-2"]
    client.force_login(student)
    assert "/packets/find/" not in get(client, level).content.decode()
    client.force_login(teacher)
    assert "/packets/find/" in get(client, level).content.decode()


def test_a_levels_worksheets_are_for_signed_in_users(client, student, levels, worksheet):
    worksheet.collection = level_collection(levels["level-1"])
    worksheet.save()
    refused = client.get(worksheet.url)
    assert refused.status_code == 302 and refused["Location"].startswith("/accounts/login/")
    client.force_login(student)
    # Past the restriction (the in-memory test storage then cannot serve the bytes).
    assert "/accounts/login/" not in client.get(worksheet.url).get("Location", "")
