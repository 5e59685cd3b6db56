"""A class's chosen language for shared messages (Class.share_language): the
class page's Share speaks it, a packet shared with classes of different
languages offers one control per language, and only the class's teachers and
managers choose it (classes/sharing.py, docs/sharing.md).

The Arabic wording comes from the compiled catalogue (locale/ar); the isolates
around English titles come from the language itself, whatever the catalogue."""

from urllib.parse import quote

import pytest
from django.test import Client
from django.utils import translation

from classes.sharing import by_language, choose_share_language, class_share
from learning.roles import Role
from tests.factories import publish_packet

pytestmark = pytest.mark.django_db

HOST = "localhost"
ARABIC_CLASS_PAGE = "صفحة صفّنا"


@pytest.fixture
def published_packet(level):
    return publish_packet(level, "Week 3: At the clinic", number=3, summary="Appointments.")


def read(user, url, language="en"):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    response = client.get(url, HTTP_HOST=HOST)
    return response.status_code, response.content.decode()


def post(user, class_, data):
    client = Client()
    client.force_login(user)
    return client.post(f"/classes/{class_.pk}/share-language/", data, HTTP_HOST=HOST)


# --- The class page ------------------------------------------------------------------


def test_a_class_with_arabic_chosen_shares_its_page_in_arabic(a_class, teacher):
    choose_share_language(a_class, "ar")
    url = f"http://{HOST}/classes/{a_class.pk}/"
    share = class_share(a_class, url, "ar")
    # The English class name keeps its direction: worded under Arabic, not English.
    assert "\u2068Evening Level 2\u2069" in share.text
    assert ARABIC_CLASS_PAGE in share.text
    status, page = read(teacher, f"/classes/{a_class.pk}/")  # the teacher reads English
    assert status == 200
    assert f'href="https://wa.me/?text={quote(share.message, "")}"' in page
    assert f'href="sms:?body={quote(share.message, "")}"' in page
    assert f"&amp;text={quote(share.text, '')}" in page  # Telegram
    assert "Our class page" not in page


def test_without_a_chosen_language_the_class_page_shares_in_the_teachers(a_class, teacher):
    _status, page = read(teacher, f"/classes/{a_class.pk}/", language="fr")
    assert quote("Evening Level 2", "") in page
    assert "\u2068" not in page and quote("\u2068", "") not in page  # French: no isolates


# --- Packet and assignment pages -----------------------------------------------------


def test_classes_of_one_chosen_language_share_the_packet_in_it(
    published_packet, a_class, make_cohort, teacher
):
    morning = make_cohort(teachers=[teacher], name="Morning Level 2")
    for class_ in (a_class, morning):
        choose_share_language(class_, "prs")
    _status, page = read(teacher, published_packet.url)
    assert page.count('href="https://wa.me/') == 1
    assert quote("\u2068Week 3: At the clinic\u2069", "") in page
    assert "This week&#x27;s packet" not in page and "This week's packet" not in page


def test_a_teacher_of_classes_in_two_languages_gets_two_share_controls(
    published_packet, a_class, make_cohort, teacher
):
    morning = make_cohort(teachers=[teacher], name="Morning Level 2")
    choose_share_language(a_class, "ar")
    choose_share_language(morning, "es")
    _status, page = read(teacher, published_packet.url)
    assert page.count('href="https://wa.me/') == 2
    assert page.count("data-share ") == 2
    # Each control is labelled with its language's own name and its classes.
    arabic, spanish = page.split('lang="ar" dir="rtl">العربيّة</h3>')[1].split(
        'lang="es" dir="ltr">español</h3>'
    )
    assert '<bdi lang="en" dir="ltr">Evening Level 2</bdi>' in arabic
    assert "Morning Level 2" not in arabic
    assert '<bdi lang="en" dir="ltr">Morning Level 2</bdi>' in spanish
    assert quote("\u2068Week 3: At the clinic\u2069", "") in arabic  # right to left
    assert quote("Week 3: At the clinic", "") in spanish


def test_a_class_without_a_choice_reads_the_teachers_language_beside_one_with(a_class, make_cohort):
    morning = make_cohort(name="Morning Level 2")
    choose_share_language(morning, "uk")
    with translation.override("fr"):
        assert by_language([a_class, morning]) == [
            ("fr", ["Evening Level 2"]),
            ("uk", ["Morning Level 2"]),
        ]
        assert by_language([]) == [("fr", [])]


def test_the_share_control_costs_no_more_queries_with_more_classes(
    published_packet, a_class, make_cohort, teacher, django_assert_max_num_queries
):
    client = Client()
    client.force_login(teacher)
    client.get(published_packet.url, HTTP_HOST=HOST)  # the body is now in the cache
    with django_assert_max_num_queries(100) as one:
        client.get(published_packet.url, HTTP_HOST=HOST)
    for number, language in enumerate(("ar", "es", "uk")):
        choose_share_language(make_cohort(teachers=[teacher], name=f"Class {number}"), language)
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = client.get(published_packet.url, HTTP_HOST=HOST).content.decode()
    assert page.count('href="https://wa.me/') == 4


# --- Choosing the language -----------------------------------------------------------


def test_a_teacher_chooses_the_language_among_languages_in_their_own_names(a_class, teacher):
    status, page = read(teacher, f"/classes/{a_class.pk}/share-language/")
    assert status == 200
    assert 'lang="prs" dir="auto"' in page and "دری" in page and "Kreyòl ayisyen" in page
    response = post(teacher, a_class, {"share_language": "prs"})
    assert response.status_code == 302 and response["Location"] == f"/classes/{a_class.pk}/"
    a_class.refresh_from_db()
    assert a_class.share_language == "prs"
    assert post(teacher, a_class, {"share_language": ""}).status_code == 302
    a_class.refresh_from_db()
    assert a_class.share_language == ""


def test_a_manager_chooses_the_language_too(a_class, manager):
    assert post(manager, a_class, {"share_language": "sw"}).status_code == 302
    a_class.refresh_from_db()
    assert a_class.share_language == "sw"


@pytest.mark.parametrize("value", ["xx", "fa", "ar\n", "<script>", "en-us"])
def test_a_language_harbor_does_not_offer_is_refused_with_400(a_class, teacher, value):
    response = post(teacher, a_class, {"share_language": value})
    assert response.status_code == 400
    assert "Choose one of these languages." in response.content.decode()
    a_class.refresh_from_db()
    assert a_class.share_language == ""


@pytest.mark.parametrize("who", ["student", "other_teacher"])
def test_students_and_other_teachers_cannot_choose_the_language(
    a_class, enrolled, make_user, make_cohort, who
):
    if who == "student":
        user, refused = enrolled(), 403
    else:
        user, refused = make_user(Role.TEACHER), 404
        make_cohort(teachers=[user], name="Morning Level 2")
    assert post(user, a_class, {"share_language": "ar"}).status_code == refused
    assert read(user, f"/classes/{a_class.pk}/share-language/")[0] == refused
    a_class.refresh_from_db()
    assert a_class.share_language == ""
    _status, page = read(user, f"/classes/{a_class.pk}/")
    assert "share-language" not in page
