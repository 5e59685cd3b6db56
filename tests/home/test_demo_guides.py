import pytest
from django.core.management import call_command
from wagtail.images.models import Image

from home.demo_guides import FOLDER
from home.help_pages import GuidePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("demo", stdout=None)
    call_command("demo", stdout=None)  # idempotent: nothing doubles


def test_every_students_guide_is_in_english_arabic_and_spanish(demo):
    originals = GuidePage.objects.filter(audience="students", translation_of=None)
    assert originals.count() == 7
    for guide in originals:
        assert guide.language == "en"
        assert set(guide.translations.values_list("language", flat=True)) == {"ar", "es"}


def test_every_role_has_its_guides(demo):
    counts = {
        role: GuidePage.objects.filter(audience=role, language="en").count()
        for role in ("students", "teachers", "managers")
    }
    assert counts == {"students": 7, "teachers": 5, "managers": 4}


def test_the_demos_guide_pictures_are_its_screenshots_in_the_guides_language(demo):
    arabic = GuidePage.objects.get(slug="sign-in-ar")
    assert arabic.steps.first().image.title == "Guide: student-sign-in.ar"
    assert Image.objects.filter(title__startswith="Guide: ").count() == len(
        {step.image_id for guide in GuidePage.objects.all() for step in guide.steps.all()} - {None}
    )


def test_the_screenshots_are_small(demo):
    sizes = {path.name: path.stat().st_size for path in FOLDER.glob("*.png")}
    assert sizes and max(sizes.values()) <= 60 * 1024
