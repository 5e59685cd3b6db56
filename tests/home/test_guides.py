"""Guides at /help/: chosen by the reader's role and language, one picture and
one sentence per step."""

import itertools
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from home.help_pages import GuidePage, GuideStep, HelpIndexPage
from learning.roles import Role

_numbers = itertools.count(1)


@pytest.fixture
def help_index(db):
    return HelpIndexPage.objects.get()


@pytest.fixture
def make_guide(help_index, make_image):
    def make(title, audience="students", language="en", translation_of=None, steps=1, **more):
        guide = GuidePage(
            title=title,
            slug=f"guide-{next(_numbers)}",
            audience=audience,
            language=language,
            translation_of=translation_of,
            summary=f"What {title} is about.",
            **more,
        )
        guide.steps = [
            GuideStep(image=make_image(f"step {n}"), text=f"{title}: step {n}.")
            for n in range(1, steps + 1)
        ]
        help_index.add_child(instance=guide)
        guide.save_revision().publish()
        return guide

    return make


@pytest.fixture
def guides(make_guide):
    """A guide for each role; the students' sign-in guide in Arabic too."""
    sign_in = make_guide("Sign in", before_sign_in=True)
    return {
        "sign_in": sign_in,
        "sign_in_ar": make_guide("تسجيل الدخول", language="ar", translation_of=sign_in),
        "packet": make_guide("Find this week's packet"),
        "roll": make_guide("Take the roll", audience="teachers"),
        "export": make_guide("Export for funders", audience="managers"),
    }


def titles(html):
    return re.findall(r'<li lang="\w+" dir="auto"><a href="[^"]+">([^<]+)</a>', html)


def help_page(client):
    response = client.get("/help/")
    assert response.status_code == 200
    return response.content.decode()


def test_help_is_there_on_a_fresh_install(client, db):
    assert "There are no guides here yet." in help_page(client)


@pytest.mark.parametrize("role", [None, "student", "teacher", "manager"])
def test_every_reader_finds_help_from_the_home_page(db, request, client, login, role):
    if role is not None:
        client = login(request.getfixturevalue(role))
    assert '<a class="help-link" href="/help/">Help</a>' in client.get("/").content.decode()
    help_page(client)


def test_a_student_is_offered_the_students_guides(login, student, guides):
    assert titles(help_page(login(student))) == ["Sign in", "Find this week&#x27;s packet"]


def test_a_teacher_is_offered_theirs_and_the_students_guides(login, teacher, guides):
    page = help_page(login(teacher))
    assert "Guides for teachers" in page and "Guides to show your students" in page
    assert titles(page) == ["Take the roll", "Sign in", "Find this week&#x27;s packet"]


def test_a_manager_is_offered_the_managers_guides(login, manager, guides):
    assert titles(help_page(login(manager))) == ["Export for funders"]


def test_a_visitor_is_offered_how_to_sign_in(client, guides):
    page = help_page(client)
    assert "Before you sign in" in page
    assert titles(page) == ["Sign in"]


def test_a_reader_gets_each_guide_in_their_language_or_else_in_english(login, make_user, guides):
    arabic = make_user(Role.STUDENT, preferred_language="ar")
    page = help_page(login(arabic))
    assert titles(page) == ["تسجيل الدخول", "Find this week&#x27;s packet"]
    assert f'<li lang="ar" dir="auto"><a href="{guides["sign_in_ar"].url}">' in page


def test_a_reader_without_a_translation_gets_the_english_guide(login, make_user, guides):
    french = make_user(Role.STUDENT, preferred_language="fr")
    assert titles(help_page(login(french))) == ["Sign in", "Find this week&#x27;s packet"]


def test_a_translation_not_yet_published_is_not_offered(login, make_user, guides):
    guides["sign_in_ar"].unpublish()
    arabic = make_user(Role.STUDENT, preferred_language="ar")
    assert titles(help_page(login(arabic)))[0] == "Sign in"


def test_a_guide_shows_its_steps_as_pictures_and_sentences(client, make_guide):
    guide = make_guide("Record your voice", steps=3)
    page = client.get(guide.url).content.decode()
    assert [f"Record your voice: step {n}." for n in (1, 2, 3)] == re.findall(
        r"<figcaption>([^<]+)</figcaption>", page
    )
    pictures = re.findall(r"<picture>.*?</picture>", page, re.S)
    assert len(pictures) == 3
    assert all('type="image/webp"' in p or ".webp" in p for p in pictures)
    assert 'loading="eager"' in pictures[0] and 'loading="lazy"' in pictures[1]
    assert "srcset=" in pictures[0]


def test_an_arabic_guide_reads_right_to_left_and_links_its_english_original(client, guides):
    page = client.get(guides["sign_in_ar"].url).content.decode()
    assert '<article class="guide" lang="ar" dir="rtl">' in page
    assert f'<a href="{guides["sign_in"].url}" lang="en" hreflang="en">English</a>' in page


STALE = "The original guide was changed after this translation"


def test_a_translation_says_when_its_original_changed_after_it(client, guides):
    translation = guides["sign_in_ar"]
    assert STALE not in client.get(translation.url).content.decode()
    original = GuidePage.objects.get(pk=guides["sign_in"].pk)
    original.summary = "How to sign in, now with a code."
    original.save_revision().publish()
    page = client.get(translation.url).content.decode()
    assert STALE in page and f'<a href="{original.url}" lang="en">Read the original</a>' in page
    # Published again by its translator: up to date once more.
    GuidePage.objects.get(pk=translation.pk).save_revision().publish()
    assert STALE not in client.get(translation.url).content.decode()


def test_an_english_guide_points_an_arabic_reader_to_their_translation(login, make_user, guides):
    arabic = make_user(Role.STUDENT, preferred_language="ar")
    page = login(arabic).get(guides["sign_in"].url).content.decode()
    assert f'<a href="{guides["sign_in_ar"].url}">' in page


def test_the_pictures_of_a_guide_are_seen_by_visitors(client, make_guide):
    guide = make_guide("Sign in", before_sign_in=True)
    page = client.get(guide.url).content.decode()
    picture = re.search(r'src="(/media/images/[^"]+)"', page).group(1)
    assert client.get(picture).status_code == 200


def test_a_managers_guide_is_not_listed_for_students_but_may_be_read(login, student, guides):
    """Guides are not secret: a link a manager shares opens for anyone."""
    client = login(student)
    assert "Export for funders" not in help_page(client)
    assert client.get(guides["export"].url).status_code == 200


def test_the_header_link_costs_no_query(db, student):
    reader = get_user_model().objects.get(pk=student.pk)  # no role read yet
    with CaptureQueriesContext(connection) as queries:
        html = render_to_string("components/help_link.html", {"user": reader})
    assert 'href="/help/"' in html
    assert queries.captured_queries == []


def test_the_help_list_costs_the_same_queries_for_more_guides(login, student, make_guide):
    client = login(student)
    make_guide("One")
    client.get("/help/")
    with CaptureQueriesContext(connection) as few:
        client.get("/help/")
    for n in range(4):
        make_guide(f"More {n}", audience=["students", "teachers"][n % 2])
    with CaptureQueriesContext(connection) as many:
        client.get("/help/")
    assert len(many.captured_queries) == len(few.captured_queries)


def test_a_guide_costs_the_same_queries_for_more_steps(client, make_guide):
    short, long = make_guide("Short", steps=1), make_guide("Long", steps=5)
    client.get(short.url), client.get(long.url)  # renditions made on the first view
    with CaptureQueriesContext(connection) as few:
        client.get(short.url)
    with CaptureQueriesContext(connection) as many:
        client.get(long.url)
    assert len(many.captured_queries) == len(few.captured_queries)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"language": "en"}, "language"),  # the original's own language
        ({"translation_of": "translation"}, "translation_of"),  # a translation of a translation
    ],
)
def test_a_translation_must_translate_an_original_into_another_language(guides, change, field):
    translation = GuidePage(
        title="Entrar",
        slug="entrar",
        language="es",
        summary="Entrar.",
        translation_of=guides["sign_in"],
    )
    for name, value in change.items():
        setattr(translation, name, guides["sign_in_ar"] if value == "translation" else value)
    with pytest.raises(ValidationError) as refused:
        translation.clean()
    assert field in refused.value.message_dict


def test_a_guide_has_one_translation_per_language(guides):
    again = GuidePage(
        title="دخول",
        slug="dukhul",
        language="ar",
        summary="دخول.",
        translation_of=guides["sign_in"],
    )
    with pytest.raises(ValidationError) as refused:
        again.clean()
    assert "language" in refused.value.message_dict


def test_a_translation_is_for_whom_its_original_is_for(guides):
    translation = GuidePage(
        title="Entrar",
        slug="entrar",
        language="es",
        summary="Entrar.",
        audience="managers",
        translation_of=guides["sign_in"],
    )
    translation.clean()
    assert (translation.audience, translation.before_sign_in) == ("students", True)


def test_the_help_index_keeps_its_address(help_index):
    """Every page's header links to /help/."""
    help_index.slug = "guides"
    with pytest.raises(ValidationError) as refused:
        help_index.clean()
    assert "slug" in refused.value.message_dict


def test_guides_live_only_under_the_one_help_index(help_index):
    home = help_index.get_parent().specific
    assert GuidePage.can_exist_under(help_index) and not GuidePage.can_exist_under(home)
    assert not HelpIndexPage.can_create_at(home)  # there is one already


@pytest.mark.parametrize(("role", "may_write"), [("manager", True), ("teacher", False)])
def test_managers_write_guides_in_the_admin(request, client, help_index, role, may_write):
    client.force_login(request.getfixturevalue(role))
    response = client.get(f"/admin/pages/add/home/guidepage/{help_index.pk}/")
    assert (response.status_code == 200) is may_write
