"""Bad input in the editor gets a clear message, and nothing broken is saved."""

from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import resolve
from wagtail.images.models import Image
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from packets import demo_images
from packets.models import AssignmentPage, PacketPage

pytestmark = pytest.mark.django_db


def list_items(values):
    data = {"count": len(values)}
    for index, value in enumerate(values):
        data.update({f"{index}-value": value, f"{index}-deleted": "", f"{index}-order": index})
        data[f"{index}-id"] = ""
    return data


def assignment_form(due_date="2030-05-01", questions=()):
    return nested_form_data(
        {
            "title": "Clinic quiz",
            "slug": "clinic-quiz",
            "kind": "quiz",
            "due_date": due_date,
            "points": 5,
            "instructions": streamfield([("paragraph", rich_text("<p>Choose.</p>"))]),
            "questions": streamfield(list(questions)),
        }
    )


def add_page(client, model, parent, data):
    return client.post(f"/admin/pages/add/packets/{model}/{parent.pk}/", data)


@pytest.fixture
def editor(client, manager):
    client.force_login(manager)
    return client


def test_a_due_date_that_is_not_a_date_is_refused(editor, make_packet):
    packet = make_packet()
    response = add_page(editor, "assignmentpage", packet, assignment_form(due_date="next fri"))
    assert response.status_code == 200
    assert "Enter a valid date." in response.content.decode()
    assert not AssignmentPage.objects.exists()


def test_a_quiz_question_without_a_right_answer_is_refused(editor, make_packet):
    packet = make_packet()
    choices = list_items([{"text": "the nurse", "correct": ""}, {"text": "a bus", "correct": ""}])
    question = ("multiple_choice", {"prompt": "Who checks your temperature?", "choices": choices})
    response = add_page(editor, "assignmentpage", packet, assignment_form(questions=[question]))
    assert response.status_code == 200
    assert "Mark one answer as right." in response.content.decode()
    assert not AssignmentPage.objects.exists()


def test_a_fill_in_question_without_an_answer_is_refused(editor, make_packet):
    packet = make_packet()
    question = ("fill_in", {"prompt": "I have a ___.", "answers": " | "})
    response = add_page(editor, "assignmentpage", packet, assignment_form(questions=[question]))
    assert "Give at least one right answer." in response.content.decode()
    assert not AssignmentPage.objects.exists()


def test_an_empty_vocabulary_term_is_refused_and_the_packet_is_unchanged(editor, make_packet):
    packet = make_packet()
    word = {
        "term": "   ",
        "meaning": "a word to greet someone",
        "example": "",
        "image": "",
        "audio": "",
    }
    word["translations"] = list_items([])
    vocabulary = {"title": "", "items": list_items([word])}
    data = nested_form_data(
        {
            "title": "Greetings",
            "slug": "greetings",
            "number": 1,
            "summary": "Say hello.",
            "tags": "",
            "notes": streamfield([]),
            "body": streamfield([("vocabulary", vocabulary)]),
            "shared_packets": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
        }
    )
    response = editor.post(f"/admin/pages/{packet.pk}/edit/", data)
    assert response.status_code == 200
    assert "This cannot be only spaces." in response.content.decode()
    saved = PacketPage.objects.get(pk=packet.pk)
    assert saved.body[0].block_type == "heading" and saved.revisions.count() == 1


@pytest.mark.parametrize(
    ("limit", "value", "message"),
    [
        ("WAGTAILIMAGES_MAX_IMAGE_PIXELS", 100_000, "This file has too many pixels"),
        ("WAGTAILIMAGES_MAX_UPLOAD_SIZE", 1_000, "This file is too big"),
    ],
)
def test_an_image_over_the_limits_is_refused_with_a_clear_message(
    editor, settings, limit, value, message
):
    setattr(settings, limit, value)
    content = demo_images.png_bytes(demo_images.sign("EXIT", "green"))
    upload = SimpleUploadedFile("exit.png", content, content_type="image/png")
    response = editor.post("/admin/images/add/", {"title": "Exit", "file": upload})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Image.objects.exists()


def test_the_image_limits_are_tighter_than_wagtails_defaults(settings):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE < 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS < 128_000_000


def test_a_preview_shows_the_draft_not_the_cached_live_body(editor, make_packet):
    packet = make_packet(body=[{"type": "heading", "value": "Live heading"}])
    editor.get(packet.url, HTTP_HOST="localhost")  # fills the body cache for the live revision
    data = nested_form_data(
        {
            "title": "Greetings",
            "slug": "greetings",
            "number": 1,
            "summary": "Say hello.",
            "tags": "",
            "notes": streamfield([]),
            "body": streamfield([("heading", "Draft heading")]),
            "shared_packets": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
        }
    )
    preview_url = f"/admin/pages/{packet.pk}/edit/preview/"
    assert editor.post(preview_url, data).json()["is_valid"]
    page = editor.get(preview_url).content.decode()
    assert "Draft heading" in page and "Live heading" not in page


def test_a_title_with_a_line_break_is_refused():
    """Titles end up in mail subjects: a line break there broke the mailing."""
    from django.core.exceptions import ValidationError

    from packets.models import PacketPage

    page = PacketPage(title="Week 3\nAt the clinic", slug="week-3", number=3, summary="x")
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "title" in error.value.message_dict


@pytest.mark.parametrize("text", ["²", "abc", "1.5", " ", "9" * 5_000])
def test_a_chooser_link_without_an_id_is_a_404(editor, picture, worksheet, text):
    """Wagtail's choosers handed any text to the database as an id (a 500)."""
    for kind, thing in (("documents", worksheet), ("images", picture)):
        assert editor.get(f"/admin/{kind}/chooser/chosen/{quote(text)}/").status_code == 404
        assert editor.get(f"/admin/{kind}/chooser/chosen/{thing.pk}/").status_code == 200


def test_ids_longer_than_int_takes_are_a_404_not_a_500(editor, make_packet, worksheet):
    packet = make_packet()
    huge, arabic = "9" * 5_000, "١" * 5_000
    compare = f"/admin/pages/{packet.pk}/revisions/compare"
    assert editor.get(f"/admin/pages/{huge}/revisions/compare/earliest...live/").status_code == 404
    assert editor.get(f"{compare}/{huge}...live/").status_code == 404
    assert editor.get(f"{compare}/earliest...{quote(arabic)}/").status_code == 404
    assert editor.get(f"{compare}/earliest...live/").status_code == 200
    assert editor.get(f"/documents/{huge}/alphabet.pdf").status_code == 404
    # A real id goes on to Wagtail's view (wrapped for byte ranges, packets/documents.py).
    assert resolve(worksheet.url).func.__module__ == "packets.documents"


def packet_form(**streams):
    fields = {
        "title": "Greetings",
        "slug": "greetings",
        "number": 1,
        "summary": "Say hello.",
        "tags": "",
        "notes": streamfield([]),
        "body": streamfield([("heading", "New heading")]),
        "shared_packets": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
    }
    data = nested_form_data(fields)
    data.update(streams)
    return data


@pytest.mark.parametrize(
    "damage",
    [
        {"body-count": "١٢٣"},
        {"body-count": "9" * 5_000},
        {"body-0-order": "x"},
        {"notes-count": None},
        {"body-0-type": None},
    ],
)
def test_a_stream_the_editor_did_not_write_is_refused_and_the_page_kept(
    editor, make_packet, damage
):
    """Without the editor's script (or with its fields changed) Wagtail could not
    read the stream fields: a 500 on edit, create and preview."""
    packet = make_packet(body=[{"type": "heading", "value": "Saved heading"}])
    data = packet_form()
    for name, value in damage.items():
        if value is None:
            data.pop(name)
        else:
            data[name] = value
    response = editor.post(f"/admin/pages/{packet.pk}/edit/", data)
    assert response.status_code == 200
    assert "could not be read" in response.content.decode()
    if "body-count" in damage:  # the form shows the body as saved, not an empty one
        assert "Saved heading" in response.content.decode()
    packet.refresh_from_db()
    assert packet.body[0].value == "Saved heading"
    assert not editor.post(f"/admin/pages/{packet.pk}/edit/preview/", data).json()["is_valid"]
    parent = packet.get_parent()
    response = editor.post(f"/admin/pages/add/packets/packetpage/{parent.pk}/", data)
    assert response.status_code == 200 and "could not be read" in response.content.decode()


def test_a_stream_the_editor_wrote_is_saved(editor, make_packet):
    packet = make_packet(body=[{"type": "heading", "value": "Saved heading"}])
    response = editor.post(f"/admin/pages/{packet.pk}/edit/", packet_form())
    assert response.status_code == 302
    packet.refresh_from_db()
    assert packet.get_latest_revision_as_object().body[0].value == "New heading"


@pytest.mark.parametrize("parent", [None, "", "١٢٣", "9" * 5_000, "999999"])
def test_a_copy_without_a_parent_page_is_refused_by_the_form(editor, make_packet, parent):
    """Wagtail looked the parent up before its form did: a 500."""
    packet = make_packet()
    data = {"new_title": "Greetings again", "new_slug": "greetings-again"}
    if parent is not None:
        data["new_parent_page"] = parent
    response = editor.post(f"/admin/pages/{packet.pk}/copy/", data)
    assert response.status_code == 400
    assert 'name="new_parent_page"' in response.content.decode()
    assert not PacketPage.objects.filter(slug="greetings-again").exists()


def test_a_copy_with_its_parent_page_is_made(editor, make_packet):
    packet = make_packet()
    data = {"new_title": "Again", "new_slug": "again", "new_parent_page": packet.get_parent().pk}
    assert editor.post(f"/admin/pages/{packet.pk}/copy/", data).status_code == 302
    assert PacketPage.objects.filter(slug="again").exists()


def test_an_external_link_posted_without_its_url_field_asks_for_one(editor):
    """Wagtail read the missing field as None (a 500)."""
    response = editor.post("/admin/choose-external-link/", {})
    assert response.status_code == 200
    assert "This field is required" in response.json()["html"]
    response = editor.post(
        "/admin/choose-external-link/", {"external-link-chooser-url": "https://example.org/"}
    )
    assert response.json()["step"] == "external_link_chosen"


def test_the_external_link_chooser_is_for_the_admin_only(client, student):
    client.force_login(student)
    assert client.post("/admin/choose-external-link/", {}).status_code in (302, 403)


@pytest.mark.parametrize("body", ['["a", "b"]', "3", '"text"', "null", "\xff"])
def test_dismissing_a_hint_with_anything_but_an_object_is_a_400(editor, body):
    """Wagtail merged any JSON into the profile's dict: a list was a 500."""
    response = editor.patch("/admin/dismissibles/", data=body, content_type="application/json")
    assert response.status_code == 400
    assert editor.get("/admin/dismissibles/").json() == {}


def test_dismissing_a_hint_is_kept(editor):
    editor.patch("/admin/dismissibles/", data='{"tip": true}', content_type="application/json")
    assert editor.get("/admin/dismissibles/").json() == {"tip": True}


def test_dismissibles_are_for_the_admin_only(client, student):
    client.force_login(student)
    response = client.patch("/admin/dismissibles/", data="{}", content_type="application/json")
    assert response.status_code in (302, 403)


def test_a_task_chooser_post_without_a_task_type_says_why(editor):
    """Wagtail answered with an empty 400."""
    response = editor.post("/admin/workflows/task_chooser/create/", {})
    assert response.status_code == 400
    assert "could not be read" in response.content.decode()
