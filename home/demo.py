"""The demo's guides at /help/: every guide of home/demo_guides, with the
students' guides translated into every interface language, each step's
picture a screenshot imported as a Wagtail image. Idempotent: found by slug and title."""

from django.core.files.base import ContentFile
from wagtail.images import get_image_model
from wagtail.models import Collection

from home.demo_guides import FOLDER, STUDENT_GUIDES, TRANSLATED
from home.demo_guides.staff import MANAGER_GUIDES, TEACHER_GUIDES
from home.help_pages import GuidePage, GuideStep, HelpIndexPage
from home.models import HomePage

COLLECTION = "Guides"


def load(log):
    index = help_index()
    created = 0
    for spec in [*STUDENT_GUIDES, *TEACHER_GUIDES, *MANAGER_GUIDES]:
        original, new = ensure_guide(index, spec, "en", None)
        created += new
        for language in TRANSLATED:
            if language in spec["title"]:
                created += ensure_guide(index, spec, language, original)[1]
    log(f"guides at /help/ ({created} new)")


def help_index():
    """The help index the migration made, or one made now."""
    index = HelpIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.get()
        index = HelpIndexPage(title="Help", slug="help")
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def ensure_guide(index, spec, language, original):
    """(the guide in `language`, whether it is new)."""
    slug = spec["slug"] if original is None else f"{spec['slug']}-{language}"
    existing = GuidePage.objects.child_of(index).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = GuidePage(
        title=spec["title"][language],
        slug=slug,
        audience=spec["audience"],
        language=language,
        translation_of=original,
        summary=spec["summary"][language],
        before_sign_in=spec["before_sign_in"],
    )
    page.steps = [
        GuideStep(image=picture(shot, language), text=texts[language])
        for shot, texts in spec["steps"]
    ]
    index.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def picture(shot, language):
    """The screenshot in the guide's language, else in English; None when it
    has not been taken yet (scripts/guide_screenshots.py)."""
    for name in (f"{shot}.{language}.png", f"{shot}.png"):
        path = FOLDER / name
        if path.exists():
            return image_from(path)
    return None


def image_from(path):
    Image = get_image_model()
    title = f"Guide: {path.stem}"
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    content = path.read_bytes()
    return Image.objects.create(
        title=title,
        collection=guides_collection(),
        file_size=len(content),
        file=ContentFile(content, name=f"guide-{path.name}"),
    )


def guides_collection():
    existing = Collection.objects.filter(name=COLLECTION).first()
    if existing is not None:
        return existing
    return Collection.get_first_root_node().add_child(name=COLLECTION)
