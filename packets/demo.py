"""Demo content: the six levels, their teachers, and two packets per level with
their assignments. Idempotent: everything is found by slug or title first."""

import uuid
from datetime import timedelta
from functools import partial
from io import BytesIO

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import escape
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.utils.file import hash_filelike

from packets import demo_images, demo_word_pictures
from packets.demo_content import DEMO_PACKETS, STUDENT_NOTES
from packets.levels import CEFRBand, NRSLevel
from packets.models import AssignmentPage, LevelPage, PacketPage
from packets.permissions import ensure_level_access, grant_level_editing, level_collection
from packets.tree import home_page
from packets.voice.services import live_vocabulary_texts, speak_now

# slug, title as the program calls the level, NRS level, CEFR band, description
DEMO_LEVELS = [
    (
        "level-1",
        "Level 1 · Foundations",
        NRSLevel.BEGINNING_LITERACY,
        CEFRBand.PRE_A1,
        "First steps: letters, numbers, and everyday words for people new to reading.",
    ),
    (
        "level-2",
        "Level 2 · Beginning",
        NRSLevel.LOW_BEGINNING,
        CEFRBand.A1,
        "Short sentences for daily life: greetings, family, shopping, the clinic.",
    ),
    (
        "level-3",
        "Level 3 · High Beginning",
        NRSLevel.HIGH_BEGINNING,
        CEFRBand.A2,
        "Reading schedules, forms and signs; talking about work and home.",
    ),
    (
        "level-4",
        "Level 4 · Intermediate",
        NRSLevel.LOW_INTERMEDIATE,
        CEFRBand.A2,
        "Jobs, services and appointments: longer texts and phone calls.",
    ),
    (
        "level-5",
        "Level 5 · High Intermediate",
        NRSLevel.HIGH_INTERMEDIATE,
        CEFRBand.B1,
        "Workplace English, benefits, and writing short letters and emails.",
    ),
    (
        "level-6",
        "Level 6 · Advanced",
        NRSLevel.ADVANCED,
        CEFRBand.B2,
        "News, idioms, interviews and the language of training and study.",
    ),
]


def ensure_levels():
    """The six demo levels under the home page, found by slug; created once."""
    home = home_page()
    levels = {}
    for slug, title, nrs, cefr, description in DEMO_LEVELS:
        level = LevelPage.objects.child_of(home).filter(slug=slug).first()
        if level is None:
            level = LevelPage(
                slug=slug, title=title, nrs_level=nrs, cefr_band=cefr, description=description
            )
            home.add_child(instance=level)
            level.save_revision().publish()
        levels[slug] = level
    return levels


# Which demo teacher teaches which levels.
DEMO_TEACHING = {
    "teacher1": ("level-1", "level-2", "level-3"),
    "teacher2": ("level-4", "level-5", "level-6"),
}


def load(log):
    levels = ensure_levels()
    for level in levels.values():
        ensure_level_access(level)
    assign_demo_teachers(levels)
    today = timezone.localdate()
    created = 0
    for spec in DEMO_PACKETS:
        level = levels[spec["level"]]
        if not PacketPage.objects.child_of(level).filter(slug=spec["slug"]).exists():
            create_packet(level, spec, today)
            created += 1
    log(f"{len(levels)} levels, {len(DEMO_PACKETS)} packets ({created} new)")
    spoken = speak_demo_vocabulary()
    if spoken:
        log(f"{spoken} words and examples given a voice")


def speak_demo_vocabulary():
    """Every demo word and example spoken now, not by the worker: the demo is
    complete as soon as `make run` serves it (~40 ms a text, once)."""
    return speak_now(live_vocabulary_texts())


def assign_demo_teachers(levels):
    User = get_user_model()
    for username, slugs in DEMO_TEACHING.items():
        teacher = User.objects.filter(username=username).first()
        if teacher is not None:
            for slug in slugs:
                grant_level_editing(levels[slug], teacher)


def create_packet(level, spec, today):
    picture = demo_picture(level, spec)
    worksheet = demo_worksheet(level, spec["assignment"])
    packet = PacketPage(
        title=spec["title"],
        slug=spec["slug"],
        number=spec["number"],
        summary=spec["summary"],
        notes=[
            {"type": "note", "value": {"language": code, "text": text}}
            for code, text in STUDENT_NOTES.items()
        ],
        body=packet_body(spec, picture, worksheet, demo_word_images(level, spec)),
    )
    packet.tags.add(*spec["tags"])
    level.add_child(instance=packet)
    packet.save_revision().publish()
    create_assignment(packet, spec["assignment"], today, worksheet)
    return packet


def create_assignment(packet, spec, today, worksheet):
    instructions = [paragraph(spec["instructions"])]
    if worksheet is not None:
        instructions.append(worksheet_block(worksheet, spec["worksheet"][0]))
    assignment = AssignmentPage(
        title=spec["title"],
        slug=spec["slug"],
        kind=spec["kind"],
        due_date=today + timedelta(days=spec["due_in_days"]),
        points=spec["points"],
        instructions=instructions,
        questions=[question_block(packet.slug, q) for q in spec.get("questions", [])],
    )
    packet.add_child(instance=assignment)
    assignment.save_revision().publish()


def packet_body(spec, picture, worksheet, word_images):
    title, text = spec["reading"]
    glossary = [{"term": term, "meaning": meaning} for term, meaning in spec.get("glossary", [])]
    alt_text = spec["picture"][2]
    blocks = [
        {
            "type": "image",
            "value": {
                "image": {"image": picture.pk, "alt_text": alt_text, "decorative": False},
                "caption": "",
            },
        },
        {
            "type": "reading",
            "value": {
                "title": title,
                "text": f"<p>{escape(text)}</p>",
                "audio": None,
                "glossary": list_items(spec["slug"], glossary),
            },
        },
        {
            "type": "vocabulary",
            "value": {
                "title": "",
                "items": list_items(spec["slug"], vocabulary(spec, word_images)),
            },
        },
    ]
    if worksheet is not None:
        blocks.append(worksheet_block(worksheet, spec["assignment"]["worksheet"][0]))
    return blocks


def vocabulary(spec, word_images):
    items = []
    for line in spec["words"]:
        term, meaning, example = (part.strip() for part in line.split("|"))
        translations = spec.get("translations", {}).get(term, {})
        items.append(
            {
                "term": term,
                "meaning": meaning,
                "example": example,
                "image": word_images[term].pk if term in word_images else None,
                "audio": None,
                "translations": [
                    {"language": code, "text": text} for code, text in translations.items()
                ],
            }
        )
    return items


def list_items(namespace, values):
    """ListBlock items with stable ids (flashcard progress follows a word's id)."""
    return [
        {
            "type": "item",
            "value": value,
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"harbor-demo/{namespace}/{index}")),
        }
        for index, value in enumerate(values)
    ]


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{escape(text)}</p>"}


def worksheet_block(document, title):
    return {
        "type": "worksheet",
        "value": {"title": title, "document": document.pk, "instructions": ""},
    }


def question_block(namespace, question):
    if question[0] == "mc":
        _kind, prompt, choices, right = question
        values = [{"text": text, "correct": index == right} for index, text in enumerate(choices)]
        value = {"prompt": prompt, "choices": list_items(f"{namespace}/{prompt}", values)}
        return {"type": "multiple_choice", "value": value}
    _kind, prompt, answers = question
    return {"type": "fill_in", "value": {"prompt": prompt, "answers": answers}}


def demo_picture(level, spec):
    """The packet's picture, drawn by Pillow, in the level's collection."""
    drawing, arguments, alt_text = spec["picture"]
    title = f"{spec['title']} (picture)"
    draw = partial(getattr(demo_images, drawing), *arguments)
    return demo_image(level, title, alt_text, draw, file_name=spec["slug"])


def demo_word_images(level, spec):
    """{term: Image} for the words the demo draws a picture of (Level 1's)."""
    images = {}
    for line in spec["words"]:
        term = line.split("|")[0].strip()
        drawing = demo_word_pictures.word_picture(term)
        if drawing is not None:
            images[term] = demo_image(level, f"Word: {term}", term, lambda d=drawing: d)
    return images


def demo_image(level, title, alt_text, draw, *, file_name=None):
    """The image titled so in the level's collection; `draw()` makes its picture
    the first time (once loaded, the demo finds it again)."""
    collection = level_collection(level)
    existing = Image.objects.filter(collection=collection, title=title).first()
    if existing is not None:
        return existing
    content = demo_images.png_bytes(draw())
    file_name = file_name or title.lower().replace(" ", "-").replace(":", "")
    return Image.objects.create(
        title=title,
        collection=collection,
        description=alt_text,
        file_size=len(content),
        file=ContentFile(content, name=f"{file_name}.png"),
    )


def demo_worksheet(level, assignment):
    if "worksheet" not in assignment:
        return None
    title, lines = assignment["worksheet"]
    collection = level_collection(level)
    existing = Document.objects.filter(collection=collection, title=title).first()
    if existing is not None and existing.file_size:
        return existing
    content = demo_images.worksheet_pdf(title, lines)
    document = existing or Document(title=title, collection=collection)
    document.file = ContentFile(content, name=f"{assignment['slug']}.pdf")
    # What Wagtail's upload form records: the size a student sees before
    # downloading on paid data, and the hash its view sends as the ETag.
    document.file_size = len(content)
    document.file_hash = hash_filelike(BytesIO(content))
    document.save()
    return document
