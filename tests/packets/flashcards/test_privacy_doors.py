"""Issue 12, finding 3: a packet's own restriction (sign-in, groups, password)
holds through every door — level decks and their exports, the practice page,
lists of packets, the packet's pictures and documents."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from learning.roles import Role
from tests.packets.flashcards.conftest import vocabulary, word

pytestmark = pytest.mark.django_db


@pytest.fixture
def group():
    return Group.objects.create(name="Citizenship exam class")


@pytest.fixture
def private_picture(make_image):
    return make_image("passport")


@pytest.fixture
def packets(make_packet, make_assignment, group, private_picture, make_image):
    """An open packet, a packet for one group (with a picture only it uses), and
    an assignment of the open packet behind a password."""
    everyone = make_packet(
        vocabulary(word("bus", "a big car for many people", image=make_image("bus"))),
        title="Getting around",
    )
    for_group = make_packet(
        vocabulary(word("passport", "your travel document", image=private_picture)),
        title="The interview",
    )
    restriction = PageViewRestriction.objects.create(
        page=for_group, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    secret = make_assignment(everyone, vocabulary(word("oath", "a serious promise")))
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="river"
    )
    return everyone, for_group, secret


def deck_text(client, level):
    response = client.get(f"{level.url}flashcards.txt")
    return response.content.decode() if response.status_code == 200 else ""


def test_level_decks_leave_out_a_packet_of_another_group(client, level, packets, make_user):
    client.force_login(make_user(Role.STUDENT))
    text = deck_text(client, level)
    assert "bus" in text
    assert "passport" not in text and "oath" not in text
    anki = client.get(f"{level.url}flashcards.apkg")
    assert anki.status_code == 200 and b"passport" not in anki.getvalue()


def test_the_groups_members_get_its_words(client, level, packets, make_user, group):
    member = make_user(Role.STUDENT)
    member.groups.add(group)
    client.force_login(member)
    assert "passport" in deck_text(client, level)


def test_a_password_protected_assignment_adds_words_once_the_password_is_given(
    client, level, packets, make_user
):
    _everyone, _for_group, secret = packets
    client.force_login(make_user(Role.STUDENT))
    assert "oath" not in deck_text(client, level)
    restriction = PageViewRestriction.objects.get(page=secret)
    client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{secret.pk}/",
        {"password": "river", "return_url": secret.url},
    )
    assert "oath" in deck_text(client, level)


def test_the_practice_page_never_shows_a_restricted_card(client, level, packets):
    """Visitors browse a public level's cards with ?card=N: none of them is private."""
    for number in range(1, 6):
        page = client.get(f"{level.url}flashcards/?card={number}").content.decode()
        assert "passport" not in page and "oath" not in page


def test_the_level_page_lists_only_packets_the_reader_may_open(client, level, packets, make_user):
    client.force_login(make_user(Role.STUDENT))
    page = client.get(level.url).content.decode()
    assert "Getting around" in page and "The interview" not in page


def rendition_url(image):
    return image.get_rendition("max-480x480|format-webp").url


def test_a_private_packets_picture_is_not_served_to_others(
    client, packets, private_picture, make_user, group
):
    url = rendition_url(private_picture)
    assert url.startswith("/media/images/")
    assert client.get(url).status_code == 404
    client.force_login(make_user(Role.STUDENT))
    assert client.get(url).status_code == 404
    member = make_user(Role.STUDENT)
    member.groups.add(group)
    client.force_login(member)
    response = client.get(url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


def test_a_public_packets_picture_is_public(client, packets):
    everyone, _for_group, _secret = packets
    image_id = everyone.body.raw_data[0]["value"]["items"][0]["value"]["image"]
    from wagtail.images import get_image_model

    response = client.get(rendition_url(get_image_model().objects.get(pk=image_id)))
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]


def test_the_picture_check_costs_a_few_queries(client, packets, private_picture, make_user, group):
    """Sign-in (2), the rendition, its collection's permissions and restrictions
    (3), the pages using it (2), their restrictions (2), the reader's groups."""
    url = rendition_url(private_picture)
    member = make_user(Role.STUDENT)
    member.groups.add(group)
    client.force_login(member)
    client.get(url)  # sessions, content types: warm
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert len(queries) <= 11, [q["sql"] for q in queries]


def test_with_nginx_the_picture_is_handed_over_after_the_check(
    client, packets, private_picture, make_user, group, settings
):
    settings.HARBOR_MEDIA_ACCEL_REDIRECT = "/_media/"
    member = make_user(Role.STUDENT)
    member.groups.add(group)
    client.force_login(member)
    url = rendition_url(private_picture)
    response = client.get(url)
    assert response["X-Accel-Redirect"] == "/_media/" + url.removeprefix("/media/")
    assert response.content == b""


@pytest.mark.parametrize("path", ["original_images/passport-1.png", "documents/x.pdf", "a/b"])
def test_no_other_file_of_media_has_a_url(client, manager, path, packets):
    client.force_login(manager)
    assert client.get(f"/media/{path}", follow=True).status_code == 404


def test_a_document_used_only_by_a_private_packet_is_not_served_to_others(
    client, level, make_packet, make_audio, group, make_user, settings, tmp_path
):
    # Wagtail serves documents from a path on disk: a real folder for this test.
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    audio = make_audio("interview questions")
    packet = make_packet(
        vocabulary(word("visa", "permission to enter", audio=audio)), title="Visas"
    )
    restriction = PageViewRestriction.objects.create(
        page=packet, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    client.force_login(make_user(Role.STUDENT))
    assert client.get(audio.url).status_code == 404
    member = make_user(Role.STUDENT)
    member.groups.add(group)
    client.force_login(member)
    assert client.get(audio.url).status_code == 200
