import io
import json
import sqlite3
import zipfile

import genanki
import pytest

from packets.flashcards.anki import MODEL_ID, deck_id, note_guid
from packets.flashcards.deck import level_deck, packet_deck
from tests.packets.flashcards.conftest import vocabulary, word

pytestmark = pytest.mark.django_db


def open_apkg(content, tmp_path):
    """The .apkg as what it is: a zip of a SQLite collection and a media map."""
    archive = zipfile.ZipFile(io.BytesIO(content))
    collection = tmp_path / "collection.anki2"
    collection.write_bytes(archive.read("collection.anki2"))
    media = json.loads(archive.read("media"))
    files = {name: archive.read(index) for index, name in media.items()}
    database = sqlite3.connect(collection)
    notes = [
        {"guid": guid, "mid": mid, "fields": flds.split("\x1f")}
        for guid, mid, flds in database.execute("SELECT guid, mid, flds FROM notes ORDER BY id")
    ]
    decks = json.loads(database.execute("SELECT decks FROM col").fetchone()[0])
    models = json.loads(database.execute("SELECT models FROM col").fetchone()[0])
    cards = database.execute("SELECT count(*) FROM cards").fetchone()[0]
    database.close()
    return {"notes": notes, "files": files, "decks": decks, "models": models, "cards": cards}


def download(client, page, tmp_path):
    response = client.get(f"{page.url}flashcards.apkg")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    return open_apkg(b"".join(response.streaming_content), tmp_path)


def test_a_packet_deck_holds_one_note_per_word_with_fields_and_two_cards(
    client, clinic_packet, tmp_path
):
    apkg = download(client, clinic_packet, tmp_path)
    terms = [note["fields"][0] for note in apkg["notes"]]
    assert terms == ["doctor", "nurse", "appointment"]
    doctor = apkg["notes"][0]["fields"]
    assert doctor[1] == "a person who treats sick people"
    assert doctor[2] == "The doctor is kind."
    assert apkg["cards"] == 6  # English → meaning and meaning → English
    assert {note["mid"] for note in apkg["notes"]} == {MODEL_ID}
    templates = apkg["models"][str(MODEL_ID)]["tmpls"]
    assert [t["name"] for t in templates] == ["English → meaning", "Meaning → English"]
    assert all("{{Example}}" in t["afmt"] and "{{Translation}}" in t["afmt"] for t in templates)


def test_deck_is_named_after_level_and_packet_with_a_fixed_id(client, clinic_packet, tmp_path):
    apkg = download(client, clinic_packet, tmp_path)
    level = clinic_packet.get_parent()
    named = {deck["name"]: int(deck_id_) for deck_id_, deck in apkg["decks"].items()}
    assert named[f"Harbor::{level.title}::At the clinic"] == deck_id(level, clinic_packet)


def test_guids_come_from_the_items_stable_ids(client, clinic_packet, tmp_path):
    apkg = download(client, clinic_packet, tmp_path)
    expected = [note_guid(card) for card in packet_deck(clinic_packet).cards]
    assert [note["guid"] for note in apkg["notes"]] == expected
    item_id = clinic_packet.body.raw_data[0]["value"]["items"][0]["id"]
    assert expected[0] == genanki.guid_for("harbor-vocabulary", clinic_packet.pk, item_id)


def test_editing_a_meaning_keeps_every_guid(client, clinic_packet, tmp_path):
    before = download(client, clinic_packet, tmp_path)
    clinic_packet.body[0].value["items"][1]["meaning"] = "someone who looks after patients"
    clinic_packet.save_revision().publish()
    after = download(client, clinic_packet, tmp_path)
    assert [n["guid"] for n in after["notes"]] == [n["guid"] for n in before["notes"]]
    assert after["notes"][1]["fields"][1] == "someone who looks after patients"


def test_media_are_included_and_referred_to_by_file_name_only(client, clinic_packet, tmp_path):
    apkg = download(client, clinic_packet, tmp_path)
    picture, audio = apkg["notes"][0]["fields"][4:6]
    image_name = picture.removeprefix('<img src="').removesuffix('">')
    sound_name = audio.removeprefix("[sound:").removesuffix("]")
    assert "/" not in image_name and image_name.endswith(".webp")
    assert "/" not in sound_name and sound_name.endswith(".wav")
    assert set(apkg["files"]) == {image_name, sound_name}
    assert apkg["files"][image_name][8:12] == b"WEBP"
    assert apkg["files"][sound_name][:4] == b"RIFF"
    assert apkg["notes"][1]["fields"][4:6] == ["", ""]


def test_the_back_holds_the_translation_in_the_students_language(
    login, make_user, clinic_packet, tmp_path
):
    dari_reader = make_user(preferred_language="prs")
    apkg = download(login(dari_reader), clinic_packet, tmp_path)
    assert apkg["notes"][0]["fields"][3] == '<div dir="auto">داکتر</div>'


def test_an_english_speaker_gets_every_translation_named(login, teacher, clinic_packet, tmp_path):
    translation = download(login(teacher), clinic_packet, tmp_path)["notes"][0]["fields"][3]
    assert "Arabic: طبيب" in translation and "Dari: داکتر" in translation


def test_arabic_and_dari_meanings_survive_the_round_trip(client, make_packet, tmp_path):
    packet = make_packet(vocabulary(word("bread", "نان"), word("water", "ماء")))
    apkg = download(client, packet, tmp_path)
    assert [note["fields"][1] for note in apkg["notes"]] == ["نان", "ماء"]


def test_teacher_text_cannot_inject_script(client, make_packet, tmp_path):
    packet = make_packet(
        vocabulary(
            word(
                "<b>bus</b><script>alert(1)</script>",
                '<img src=x onerror="alert(1)">a big car for many people',
                'Take the <a href="javascript:alert(1)">bus</a>.',
            )
        )
    )
    fields = download(client, packet, tmp_path)["notes"][0]["fields"]
    assert fields[0] == "<b>bus</b>"
    assert fields[1] == "a big car for many people"
    assert fields[2] == "Take the bus."


def test_a_level_deck_has_one_subdeck_per_packet(
    client, level, clinic_packet, make_packet, tmp_path
):
    make_packet(vocabulary(word("bus", "a big car")), title="Getting around")
    make_packet(title="Reading only")
    apkg = download(client, level, tmp_path)
    names = {deck["name"] for deck in apkg["decks"].values()}
    prefix = f"Harbor::{level.title}::"
    assert {prefix + "At the clinic", prefix + "Getting around"} <= names
    assert not any("Reading only" in name for name in names)
    assert len(apkg["notes"]) == len(level_deck(level)) == 4
