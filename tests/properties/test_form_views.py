"""Every form of Harbor's pages, posted through its real view with whatever a
person or a script may send, as the person the form is for: never a 5xx; a
refusal (400) says why and saves nothing (the database's fingerprint is the
same after it)."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from classes.chat.forms import BreakoutForm, MessageForm, MuteForm, TextForm
from classes.forms import AddStudentsForm, JoinForm, NewClassForm, SendPacketForm, SessionForm
from classes.records.forms import AssessmentForm
from classes.submissions.feedback_form import FeedbackForm
from learning.welcome.forms import LanguageForm
from tests.properties.strategies import form_data
from tests.surface.requests import send
from tests.surface.world import world_fixture

world = pytest.fixture(scope="module")(world_fixture)
FIELD_NAME = re.compile(r"<(?:input|select|textarea)\b[^>]*\bname=\"([^\"]+)\"")

# (path, with world.values / world.paths filled in; who posts; the form's
# fields when the page that shows it is another one)
VIEWS = {
    "new session": ("/classes/{class_id}/sessions/add/", "teacher", SessionForm),
    "edit session": ("/classes/{class_id}/sessions/{session_id}/", "teacher", SessionForm),
    "roll": ("/classes/{class_id}/sessions/{session_id}/attendance/", "teacher", None),
    "add students": ("/classes/{class_id}/students/add/", "teacher", AddStudentsForm),
    "new class": ("/classes/new/", "teacher", NewClassForm),
    "join": ("/classes/join/", "other_student", JoinForm),
    "send packet": ("/classes/{class_id}/send-packet/", "teacher", SendPacketForm),
    "chat message": ("/classes/{class_id}/chat/", "student", MessageForm),
    "mute": ("/classes/{class_id}/chat/mute/", "teacher", MuteForm),
    "phrase": ("/classes/{class_id}/chat/phrase/", "teacher", TextForm),
    "breakouts": ("/classes/{class_id}/breakouts/", "teacher", BreakoutForm),
    "feedback": ("/submissions/{submission_id}/", "teacher", FeedbackForm),
    "assessment": ("/records/students/{student_id}/assessments/new/", "teacher", AssessmentForm),
    "email address": ("/accounts/email/", "student", None),
    "first sign-in language": ("/welcome/language/", "student", LanguageForm),
    "hand in": ("{assignment}", "student", None),
    "join request": ("/classes/{class_id}/join-requests/{request_id}/", "teacher", None),
}
EXTRA_FIELDS = {"join request": {"action"}, "email address": {"action_add", "action_remove"}}


def fields_of(world, name):
    template, role, form_class = VIEWS[name]
    path = template.format(**world.values, **world.paths)
    names = set(EXTRA_FIELDS.get(name, ()))
    if form_class is not None:
        names |= set(form_class.base_fields)
    page, _ = send(world.users[role], "GET", path)
    if page.status_code == 200 and "text/html" in page.headers.get("Content-Type", ""):
        names |= set(FIELD_NAME.findall(page.content.decode())) - {"csrfmiddlewaretoken"}
    return path, world.users[role], sorted(names)


@pytest.mark.parametrize("name", VIEWS)
@given(data=st.data())
def test_a_form_posted_never_breaks_and_a_refusal_saves_nothing(db, world, name, data):
    path, user, names = fields_of(world, name)
    response, changed = send(user, "POST", path, data.draw(form_data(names)), watch=True)
    assert response.status_code < 500
    if response.status_code == 400:
        assert response.content.strip(), "a 400 without a message"
        assert not changed, "a refused form saved something"
