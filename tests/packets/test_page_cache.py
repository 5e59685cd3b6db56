"""The packet page comes from the cache after its first reader, yet every reader
sees the live content, their own header and language, and privacy holds.

Each test reads the page once to put it in the cache before what it checks."""

import re

import pytest
from django.http import HttpResponse
from django.test import Client
from django.utils.html import format_html
from wagtail import hooks
from wagtail.models import PageViewRestriction, Site

from learning.roles import Role

pytestmark = pytest.mark.django_db


def read(client, page):
    response = client.get(page.url, HTTP_HOST="localhost")
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def warm(page, user):
    """Put the page in the cache, as its first reader does."""
    read(signed_in(user), page)


def test_a_new_revision_is_what_students_read_next(student, make_packet):
    packet = make_packet(title="Greetings", body=[{"type": "heading", "value": "Old words"}])
    warm(packet, student)
    packet.title = "Greetings and goodbyes"
    packet.body = [{"type": "heading", "value": "New words"}]
    packet.save_revision().publish()
    page = read(signed_in(student), packet)
    assert "Greetings and goodbyes" in page and "New words" in page
    assert "Old words" not in page


def test_a_draft_is_neither_cached_nor_shown_to_students(student, make_packet):
    packet = make_packet(body=[{"type": "heading", "value": "Live words"}])
    warm(packet, student)
    packet.body = [{"type": "heading", "value": "Draft words"}]
    revision = packet.save_revision()
    preview = revision.as_object().make_preview_request().content.decode()
    assert "Draft words" in preview
    page = read(signed_in(student), packet)
    assert "Live words" in page and "Draft words" not in page


def test_a_newly_published_assignment_appears_and_an_unpublished_one_goes(
    student, make_packet, make_assignment
):
    packet = make_packet()
    first = make_assignment(packet, slug="first", title="Write about your family")
    warm(packet, student)
    make_assignment(packet, slug="second", title="Record your name")
    first.unpublish()
    page = read(signed_in(student), packet)
    assert "Record your name" in page and "Write about your family" not in page


def test_a_renamed_level_shows_its_new_name_on_its_packets(student, levels, make_packet):
    packet = make_packet()
    warm(packet, student)
    level = levels["level-1"]
    level.title = "Level 1 · First steps"
    level.save_revision().publish()
    assert "Level 1 · First steps" in read(signed_in(student), packet)


def test_anonymous_visitors_are_sent_to_sign_in_after_a_student_warmed_the_page(
    client, student, make_packet
):
    packet = make_packet()
    warm(packet, student)
    warm(packet, student)
    response = client.get(packet.url, HTTP_HOST="localhost")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_a_level_made_private_again_is_closed_to_anonymous_visitors_at_once(
    client, levels, make_packet
):
    level = levels["level-1"]
    PageViewRestriction.objects.filter(page=level).delete()
    packet = make_packet()
    assert "Greetings" in read(client, packet)
    assert "Greetings" in read(client, packet)
    PageViewRestriction.objects.create(page=level, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(packet.url, HTTP_HOST="localhost").status_code == 302


def test_a_level_made_public_opens_its_cached_packets_to_everyone(
    client, student, levels, make_packet
):
    packet = make_packet()
    warm(packet, student)
    PageViewRestriction.objects.filter(page=levels["level-1"]).delete()
    page = read(client, packet)
    assert "Greetings" in page and "Sign in" in page and student.name not in page


def test_a_private_page_is_never_kept_by_shared_caches(student, make_packet):
    packet = make_packet()
    warm(packet, student)
    response = signed_in(student).get(packet.url, HTTP_HOST="localhost")
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_an_arabic_reader_gets_the_arabic_interface_after_an_english_reader(make_user, make_packet):
    packet = make_packet()
    warm(packet, make_user(preferred_language="en"))
    page = read(signed_in(make_user(preferred_language="ar")), packet)
    assert '<html lang="ar" dir="rtl">' in page
    assert "تسجيل الخروج" in page and "Sign out" not in page  # the sign-out button


def test_an_english_reader_gets_english_after_an_arabic_reader(make_user, make_packet):
    packet = make_packet()
    warm(packet, make_user(preferred_language="ar"))
    page = read(signed_in(make_user(preferred_language="en")), packet)
    assert '<html lang="en" dir="ltr">' in page
    assert "Sign out" in page and "تسجيل الخروج" not in page


def test_each_reader_sees_their_own_name_never_the_first_readers(make_user, make_packet):
    packet = make_packet()
    amina = make_user(display_name="Amina Yusuf")
    ahmad = make_user(display_name="Ahmad Rahimi")
    warm(packet, amina)
    page = read(signed_in(ahmad), packet)
    assert "Ahmad Rahimi" in page and "Amina Yusuf" not in page


def test_a_teacher_is_offered_publishing_on_a_page_a_student_warmed(student, teacher, make_packet):
    packet = make_packet()
    warm(packet, student)
    assert 'href="/admin/"' in read(signed_in(teacher), packet)
    assert 'href="/admin/"' not in read(signed_in(student), packet)


def test_sign_out_works_from_a_cached_page(make_user, make_packet):
    packet = make_packet()
    warm(packet, make_user())
    reader = Client(enforce_csrf_checks=True)
    reader.force_login(make_user())
    page = read(reader, packet)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    assert reader.post("/accounts/logout/", {"csrfmiddlewaretoken": token}).status_code == 302
    assert reader.get(packet.url, HTTP_HOST="localhost").status_code == 302


def test_the_language_switcher_brings_the_reader_back_to_the_page(student, make_packet):
    packet = make_packet()
    warm(packet, student)
    response = signed_in(student).get(f"{packet.url}?week=1", HTTP_HOST="localhost")
    assert f'name="next" value="{packet.url}?week=1"' in response.content.decode()


def test_a_message_for_the_reader_shows_once_on_a_cached_page(client, student, make_packet):
    packet = make_packet()
    warm(packet, student)
    client.post("/accounts/login/", {"login": student.username, "password": "a-long-test-password"})
    first, second = read(client, packet), read(client, packet)
    assert 'class="messages"' in first and 'class="messages"' not in second


def test_the_student_status_block_is_made_for_each_reader(make_user, make_packet):
    """The `classes` app fills this block with the reader's own work (issue #5)."""

    def status(request, packet_id, assignment_ids):
        return format_html("<p class='status'>Status for {}</p>", request.user.name)

    packet = make_packet()
    amina = make_user(Role.STUDENT, display_name="Amina Yusuf")
    ahmad = make_user(Role.STUDENT, display_name="Ahmad Rahimi")
    with hooks.register_temporarily("packet_page_student_status", status):
        warm(packet, amina)
        page = read(signed_in(ahmad), packet)
    assert "Status for Ahmad Rahimi" in page and "Status for Amina" not in page


def test_a_page_hook_added_by_another_app_still_applies_to_cached_pages(student, make_packet):
    packet = make_packet()
    warm(packet, student)

    def closed_for_maintenance(page, request, serve_args, serve_kwargs):
        return HttpResponse("Back soon")

    with hooks.register_temporarily("before_serve_page", closed_for_maintenance):
        assert read(signed_in(student), packet) == "Back soon"


def test_a_readers_name_is_shown_as_text_never_as_markup(make_user, make_packet):
    packet = make_packet()
    warm(packet, make_user())
    page = read(signed_in(make_user(display_name="<b>Ali</b>")), packet)
    assert "&lt;b&gt;Ali&lt;/b&gt;" in page and "<b>Ali</b>" not in page


def test_a_password_protected_level_asks_for_its_password_after_a_reader_read_it(
    student, levels, make_packet
):
    packet = make_packet(body=[{"type": "heading", "value": "Secret words"}])
    warm(packet, student)
    level = levels["level-1"]
    PageViewRestriction.objects.filter(page=level).delete()
    PageViewRestriction.objects.create(
        page=level, restriction_type=PageViewRestriction.PASSWORD, password="harbor"
    )
    response = signed_in(student).get(packet.url, HTTP_HOST="localhost")
    assert "Secret words" not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_with_a_second_site_packets_are_still_served_by_wagtail(student, levels, make_packet):
    packet = make_packet(body=[{"type": "heading", "value": "Hello words"}])
    warm(packet, student)
    Site.objects.create(hostname="other.example", root_page=levels["level-2"])
    assert "Hello words" in read(signed_in(student), packet)
