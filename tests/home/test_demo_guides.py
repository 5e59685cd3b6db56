"""The demo's guides (home/demo_guides/): the students' in every interface
language, each step with its picture taken in that language, each button
named as the interface names it."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.images.models import Image

from home.demo_guides import FOLDER, STUDENT_GUIDES
from home.demo_guides.students import LANGUAGES as GUIDE_LANGUAGES
from home.demo_guides.students import STRUCTURE, texts
from home.help_pages import GuidePage
from learning.languages import LANGUAGES
from learning.roles import Role

INTERFACE_LANGUAGES = [code for code, _name in LANGUAGES]
# The buttons (their msgids) each step's sentence tells the reader to tap.
BUTTONS = {
    "student-sign-in": ["Sign in"],
    "student-photo-form": ["Hand in"],
    "student-audio-form": ["Record", "Stop", "Hand in"],
    "student-class": ["Class chat"],
    "student-chat": ["Send"],
    "student-packet-save": ["Save for offline"],
    "student-saved-packets": ["Saved packets"],
}


@pytest.fixture
def demo(loaded_demo, db):
    """The demo, loaded twice once for this module (tests/conftest.py)."""


def picture_name(shot, language):
    return f"{shot}.png" if language == "en" else f"{shot}.{language}.png"


def interface_words(language):
    """{msgid: msgstr} of the language's one-line entries in its django.po."""
    if language == "en":
        return {word: word for words in BUTTONS.values() for word in words}
    po = Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"
    pairs = re.findall(r'^msgid "(.+)"\nmsgstr "(.+)"$', po.read_text(), re.M)
    return dict(pairs)


def test_the_students_guides_are_written_in_every_interface_language():
    assert sorted(GUIDE_LANGUAGES) == sorted(INTERFACE_LANGUAGES)
    assert GUIDE_LANGUAGES[0] == "en"  # the originals


def test_each_language_says_what_the_structure_asks_and_nothing_else():
    expected = {slug: {"title", "summary", *shots} for slug, shots, _before in STRUCTURE}
    for language, words in texts().items():
        assert {slug: set(parts) for slug, parts in words.items()} == expected, language


def test_every_students_step_has_its_picture_in_every_language():
    missing = [
        picture_name(shot, language)
        for _slug, shots, _before in STRUCTURE
        for shot in shots
        for language in GUIDE_LANGUAGES
        if not (FOLDER / picture_name(shot, language)).exists()
    ]
    assert missing == []


@pytest.mark.parametrize("language", INTERFACE_LANGUAGES)
def test_the_steps_name_the_buttons_as_the_interface_shows_them(language):
    words = interface_words(language)
    sentences = {shot: said[language] for guide in STUDENT_GUIDES for shot, said in guide["steps"]}
    for shot, buttons in BUTTONS.items():
        for button in buttons:
            assert words[button] in sentences[shot], (shot, button)


def test_every_students_guide_is_in_every_interface_language(demo):
    originals = GuidePage.objects.filter(audience="students", translation_of=None)
    assert originals.count() == len(STRUCTURE) == 7
    for guide in originals:
        assert guide.language == "en"
        languages = guide.translations.values_list("language", flat=True)
        assert sorted(languages) == sorted(set(INTERFACE_LANGUAGES) - {"en"})


def test_every_role_has_its_guides(demo):
    counts = {
        role: GuidePage.objects.filter(audience=role, language="en").count()
        for role in ("students", "teachers", "managers")
    }
    assert counts == {"students": 7, "teachers": 5, "managers": 4}


def test_the_demos_guide_pictures_are_its_screenshots_in_the_guides_language(demo):
    shots = {slug: shots for slug, shots, _before in STRUCTURE}
    for guide in GuidePage.objects.filter(audience="students"):
        slug = guide.slug.removesuffix(f"-{guide.language}")
        titles = [step.image.title for step in guide.steps.all()]
        expected = [
            f"Guide: {Path(picture_name(shot, guide.language)).stem}" for shot in shots[slug]
        ]
        assert titles == expected
    assert Image.objects.filter(title__startswith="Guide: ").count() == len(
        {step.image_id for guide in GuidePage.objects.all() for step in guide.steps.all()} - {None}
    )


def test_a_ukrainian_student_gets_the_ukrainian_guides_at_help(demo, login, make_user):
    olena = make_user(Role.STUDENT, username="olena", preferred_language="uk")
    page = login(olena).get("/help/").content.decode()
    listed = re.findall(r'<li lang="(\w+)" dir="auto"><a href="[^"]+">([^<]+)</a>', page)
    ukrainian = texts()["uk"]
    assert listed == [("uk", ukrainian[slug]["title"]) for slug, _shots, _before in STRUCTURE]


@pytest.mark.parametrize("language", ["ar", "prs", "ps"])
def test_the_guides_in_perso_arabic_script_read_right_to_left(demo, client, language):
    guide = GuidePage.objects.get(slug=f"sign-in-{language}")
    page = client.get(guide.url).content.decode()
    assert f'<article class="guide" lang="{language}" dir="rtl">' in page
    assert texts()[language]["sign-in"]["student-sign-in"] in page


def test_the_screenshots_are_small():
    sizes = {path.name: path.stat().st_size for path in FOLDER.glob("*.png")}
    assert sizes and max(sizes.values()) <= 60 * 1024
