"""Build a 1,000-card level deck with 200 images and 200 audio clips as .apkg.

Runs in a throw-away test database (SQLite in memory) with in-memory media
storage, so it touches no real data. Reports time and peak Python memory
(tracemalloc) for a cold export (image renditions made on the way) and a warm
one (renditions already there), and the size of the .apkg.

    .venv/bin/python bench/run.py flashcard_deck
"""

import io
import random
import resource
import tempfile
import time
import tracemalloc
import wave

PACKETS = 20
WORDS_PER_PACKET = 50
IMAGES = 200
CLIPS = 200


def main():
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import override_settings, setup_test_environment

    setup_test_environment()
    storages = {
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            level = build_level()
            report("cold (renditions made)", level, cold=True)
            report("warm (renditions reused)", level, cold=False)
            peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"process peak RSS: {peak_rss:.0f} MiB")
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)


def report(label, level, cold):
    """Time one export, then measure memory on a second (traced, so slower) one."""
    from wagtail.images import get_image_model

    rendition_model = get_image_model().get_rendition_model()

    def forget_renditions():
        rendition_model.objects.all().delete()
        rendition_model.cache_backend.clear()

    if cold:
        forget_renditions()
    seconds, size, cards = export(level)
    if cold:
        forget_renditions()
    tracemalloc.start()
    export(level)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"{label}: {cards} cards, {seconds:.2f} s, peak Python memory "
        f"{peak / 2**20:.1f} MiB, .apkg {size / 2**20:.1f} MiB"
    )


def export(level):
    from packets.flashcards.anki import write_apkg
    from packets.flashcards.deck import level_deck

    started = time.perf_counter()
    with tempfile.TemporaryFile() as output:
        deck = level_deck(level)
        write_apkg(deck, output, language="ar")
        size = output.tell()
    return time.perf_counter() - started, size, len(deck)


def build_level():
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from packets.levels import CEFRBand, NRSLevel
    from packets.models import LevelPage, PacketPage
    from packets.tree import home_page

    images = [make_image(number) for number in range(IMAGES)]
    clips = [
        get_document_model().objects.create(
            title=f"clip {n}", file=ContentFile(wav_bytes(n), name=f"clip-{n}.wav")
        )
        for n in range(CLIPS)
    ]
    level = LevelPage(
        title="Bench level",
        slug="bench-level",
        nrs_level=NRSLevel.LOW_BEGINNING,
        cefr_band=CEFRBand.A1,
    )
    home_page().add_child(instance=level)
    for p in range(PACKETS):
        items = [word(p * WORDS_PER_PACKET + w, images, clips) for w in range(WORDS_PER_PACKET)]
        level.add_child(
            instance=PacketPage(
                title=f"Week {p + 1}",
                slug=f"week-{p + 1}",
                number=p + 1,
                summary="Bench",
                body=[("vocabulary", {"title": "Words", "items": items})],
            )
        )
    return level


def word(number, images, clips):
    # Every fifth word has a picture and a clip: 200 of each in 1,000 words.
    with_media = number % 5 == 0
    return {
        "term": f"word {number}",
        "meaning": f"the meaning of word {number}",
        "example": f"This is word {number} in a sentence.",
        "image": images[number // 5] if with_media else None,
        "audio": clips[number // 5] if with_media else None,
        "translations": [{"language": "ar", "text": f"كلمة {number}"}],
    }


def make_image(number):
    from django.core.files.images import ImageFile
    from PIL import Image
    from wagtail.images import get_image_model

    rng = random.Random(number)
    picture = Image.effect_noise((800, 600), 40).convert("RGB")
    picture.paste((rng.randrange(256), rng.randrange(256), rng.randrange(256)), (0, 0, 400, 300))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    return get_image_model().objects.create(
        title=f"picture {number}", file=ImageFile(buffer, name=f"picture-{number}.jpg")
    )


def wav_bytes(number, seconds=1.5, rate=16000):
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as clip:
        clip.setnchannels(1)
        clip.setsampwidth(2)
        clip.setframerate(rate)
        tone = bytes((number + i) % 256 for i in range(2 * int(rate * seconds)))
        clip.writeframes(tone)
    return buffer.getvalue()
