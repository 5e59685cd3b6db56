import re
from urllib.parse import quote

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from learning.roles import Role
from packets.models import FlashcardProgress
from tests.conftest import PASSWORD
from tests.packets.flashcards.conftest import signed_in_only, vocabulary, word

pytestmark = pytest.mark.django_db

ROUTES = ["flashcards/", "flashcards.apkg", "flashcards.txt"]


def sent_to_sign_in(response, url):
    # Wagtail's page privacy redirects to its front-end login URL with ?next=.
    return response.status_code == 302 and f"login/?next={quote(url)}" in response["Location"]


def item_id_of(packet, index=0):
    return packet.body.raw_data[0]["value"]["items"][index]["id"]


@pytest.mark.parametrize("route", ROUTES)
def test_visitors_are_sent_to_sign_in_for_a_signed_in_only_packet(client, clinic_packet, route):
    signed_in_only(clinic_packet)
    url = f"{clinic_packet.url}{route}"
    assert sent_to_sign_in(client.get(url), url)


@pytest.mark.parametrize("route", ROUTES)
def test_visitors_are_sent_to_sign_in_for_a_signed_in_only_level(
    client, level, clinic_packet, route
):
    signed_in_only(level)
    for page in (level, clinic_packet):
        url = f"{page.url}{route}"
        assert sent_to_sign_in(client.get(url), url)


@pytest.mark.parametrize("route", ROUTES)
def test_visitors_may_use_the_flashcards_of_a_public_packet(client, level, clinic_packet, route):
    for page in (level, clinic_packet):
        assert client.get(f"{page.url}{route}").status_code == 200


@pytest.mark.parametrize("route", ROUTES)
def test_a_signed_in_student_may_use_a_signed_in_only_packet(login, student, clinic_packet, route):
    signed_in_only(clinic_packet)
    assert login(student).get(f"{clinic_packet.url}{route}").status_code == 200


@pytest.mark.parametrize("route", ROUTES)
def test_a_student_outside_a_teachers_only_packet_is_refused(
    login, student, teacher, clinic_packet, route
):
    restriction = PageViewRestriction.objects.create(
        page=clinic_packet, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=Role.TEACHER.value))
    url = f"{clinic_packet.url}{route}"
    # Wagtail answers a signed-in user outside the groups with the sign-in page.
    assert sent_to_sign_in(login(student).get(url), url)
    teachers_client = Client()
    teachers_client.login(username=teacher.username, password=PASSWORD)
    assert teachers_client.get(url).status_code == 200


@pytest.mark.parametrize("route", ROUTES)
def test_an_unpublished_packet_has_no_flashcards(login, teacher, clinic_packet, route):
    clinic_packet.unpublish()
    assert login(teacher).get(f"{clinic_packet.url}{route}").status_code == 404


@pytest.mark.parametrize("route", ROUTES)
def test_a_packet_without_vocabulary_says_so_instead_of_an_empty_deck(
    login, student, make_packet, route
):
    packet = make_packet()
    response = login(student).get(f"{packet.url}{route}")
    assert response.status_code == 404
    assert "No flashcards in this packet" in response.content.decode()
    assert response["Content-Type"].startswith("text/html")


def test_quizlet_file_is_utf8_text_to_download(client, clinic_packet):
    response = client.get(f"{clinic_packet.url}flashcards.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert 'filename="at-the-clinic-flashcards.txt"' in response["Content-Disposition"]
    lines = response.content.decode("utf-8").splitlines()
    assert lines[0] == "doctor\ta person who treats sick people"
    assert len(lines) == 3


def test_practice_shows_one_card_term_first_answer_behind_a_tap(login, make_user, clinic_packet):
    arabic_reader = make_user(preferred_language="ar")
    page = login(arabic_reader).get(f"{clinic_packet.url}flashcards/").content.decode()
    term_at, reveal_at = page.index(">doctor<"), page.index("<details")
    assert term_at < reveal_at < page.index("a person who treats sick people")
    assert "طبيب" in page and "داکتر" not in page  # only the student's language
    assert "<img" in page and ".webp" in page and "<audio" in page
    # One card at a time; the other words wait in the data kept for offline practice.
    shown, offline_data = page.split('<script id="flashcard-deck"')
    assert "nurse" not in shown and "nurse" in offline_data


def test_practice_works_without_javascript_by_posting_grades(login, student, clinic_packet):
    client = login(student)
    url = f"{clinic_packet.url}flashcards/"
    page = client.get(url).content.decode()
    assert re.search(r'<form method="post" action="[^"]*flashcards/"', page)
    assert 'name="grade" value="good"' in page
    response = client.post(
        url, {"packet": clinic_packet.pk, "item": item_id_of(clinic_packet), "grade": "good"}
    )
    assert response.status_code == 302 and response["Location"] == url
    assert ">nurse<" in client.get(url).content.decode()
    assert FlashcardProgress.objects.get(student=student).reviews == 1


def test_practice_on_a_level_grades_cards_of_its_packets(login, student, level, clinic_packet):
    client = login(student)
    client.post(
        f"{level.url}flashcards/",
        {"packet": clinic_packet.pk, "item": item_id_of(clinic_packet), "grade": "again"},
    )
    progress = FlashcardProgress.objects.get(student=student)
    assert progress.packet_id == clinic_packet.pk and progress.lapses == 1


def test_a_visitor_cannot_grade_and_is_asked_to_sign_in(client, clinic_packet):
    url = f"{clinic_packet.url}flashcards/"
    response = client.post(
        url, {"packet": clinic_packet.pk, "item": item_id_of(clinic_packet), "grade": "good"}
    )
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert not FlashcardProgress.objects.exists()


def test_a_visitor_flips_through_a_public_deck_in_order(client, clinic_packet):
    url = f"{clinic_packet.url}flashcards/"
    assert ">nurse<" in client.get(url, {"card": "2"}).content.decode()
    for bad in ("0", "99", "two", ""):
        page = client.get(url, {"card": bad}).content.decode()
        assert ">doctor<" in page and "Card 1 of 3" in page


@pytest.mark.parametrize(
    ("posted", "message"),
    [
        ({"grade": "perfect"}, "Choose Again, Hard, Good or Easy"),
        ({"grade": "good", "item": "not-a-card"}, "That card is no longer in this deck"),
        ({"grade": "good", "packet": "x"}, "That card is no longer in this deck"),
    ],
)
def test_a_bad_grade_is_refused_with_a_message_and_saves_nothing(
    login, student, clinic_packet, posted, message
):
    client = login(student)
    data = {"packet": clinic_packet.pk, "item": item_id_of(clinic_packet), **posted}
    response = client.post(f"{clinic_packet.url}flashcards/", data, follow=True)
    assert message in response.content.decode()
    assert not FlashcardProgress.objects.exists()


def test_finishing_the_deck_says_come_back_later(login, student, make_packet):
    packet = make_packet(vocabulary(word("bus", "a big car")))
    client = login(student)
    url = f"{packet.url}flashcards/"
    client.post(url, {"packet": packet.pk, "item": item_id_of(packet), "grade": "easy"})
    page = client.get(url).content.decode()
    assert "All done for now" in page and "The next card is due in" in page


def test_the_practice_page_has_no_inline_script_or_style(login, student, clinic_packet):
    page = login(student).get(f"{clinic_packet.url}flashcards/").content.decode()
    # Scripts are files; the data for offline practice is JSON, never run.
    assert re.findall(r"<script (src=\"[^\"]*\"|id=\"[^\"]*\")", page) == [
        'src="/static/harbor/offline.js"',
        'src="/static/packets/flashcards.js"',
        'src="/static/classes/clock.js"',  # the clock-time beacon's, for students
        'id="flashcard-deck"',
    ]
    assert "style=" not in page and "<style" not in page


def test_the_practice_page_costs_the_same_queries_for_a_bigger_level(
    login, student, level, make_packet, make_image, django_assert_num_queries
):
    make_packet(vocabulary(word("bus", "a big car", image=make_image())))
    client = login(student)
    url = f"{level.url}flashcards/"
    client.get(url)  # renditions are made once
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    for number in range(4):
        make_packet(vocabulary(word(f"word{number}", "meaning", image=make_image())))
    with django_assert_num_queries(len(first.captured_queries)):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("route", ["flashcards.apkg", "flashcards.txt"])
def test_downloads_are_never_kept_by_shared_caches(login, student, clinic_packet, route):
    response = login(student).get(f"{clinic_packet.url}{route}")
    assert "private" in response["Cache-Control"]


def test_new_words_beyond_todays_twenty_wait_for_tomorrow(login, student, make_packet):
    packet = make_packet(vocabulary(*[word(f"word{n}", f"meaning {n}") for n in range(21)]))
    client = login(student)
    url = f"{packet.url}flashcards/"
    for index in range(20):
        client.post(url, {"packet": packet.pk, "item": item_id_of(packet, index), "grade": "easy"})
    page = client.get(url).content.decode()
    assert "All done for now" in page and "1 new word is waiting for tomorrow." in page


@pytest.mark.parametrize("route", ROUTES)
def test_a_level_without_vocabulary_says_so(login, student, level, make_packet, route):
    make_packet()
    response = login(student).get(f"{level.url}{route}")
    assert response.status_code == 404
    assert "No flashcards in this level" in response.content.decode()


def test_grading_costs_the_same_queries_for_a_bigger_level(
    login, student, level, clinic_packet, make_packet, django_assert_num_queries
):
    client = login(student)
    url = f"{level.url}flashcards/"
    data = {"packet": clinic_packet.pk, "item": item_id_of(clinic_packet), "grade": "good"}
    with CaptureQueriesContext(connection) as small:
        client.post(url, data)
    for number in range(4):
        make_packet(vocabulary(word(f"word{number}", "meaning")))
    data["item"] = item_id_of(clinic_packet, 1)
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.post(url, data).status_code == 302


def test_a_packets_practice_page_finds_the_packet_in_one_lookup(
    login, student, clinic_packet, django_assert_num_queries
):
    """The page under the packet (flashcards/) is found from its path in one
    query, not one per level of the tree (home/models.py)."""
    client = login(student)
    url = f"{clinic_packet.url}flashcards/"
    client.get(url)  # renditions are made once
    with django_assert_num_queries(17):
        assert client.get(url).status_code == 200


def test_the_beacon_on_a_kept_practice_page_carries_this_session_s_token(student, clinic_packet):
    """The page is kept per student (classes/student_pages.py); signed in again
    (a new CSRF secret), the kept page's beacon token must still be accepted."""
    url = f"{clinic_packet.url}flashcards/"
    first = Client(enforce_csrf_checks=True)
    first.force_login(student)
    first.get(url)
    again = Client(enforce_csrf_checks=True)
    again.force_login(student)
    page = again.get(url).content.decode()
    token = re.search(
        r'id="clock-time-csrf"><input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)"',
        page,
    )[1]
    data = {"packet": clinic_packet.pk, "kind": "flashcards", "seconds": "30"}
    response = again.post("/learning-time/", {**data, "csrfmiddlewaretoken": token})
    assert response.status_code == 204
