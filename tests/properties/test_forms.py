"""Every form Harbor defines, fed whatever a person or a script may send:
validating never raises, and a refused form always says why."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from classes.chat.forms import BreakoutForm, MessageForm, MuteForm, TextForm
from classes.forms import AddStudentsForm, JoinForm, NewClassForm, SendPacketForm, SessionForm
from classes.models import Class
from classes.records.filters import RecordsFilterForm
from classes.records.forms import AssessmentForm
from classes.submissions.feedback_form import FeedbackForm
from classes.submissions.forms import SubmissionForm
from learning.forms import AddEmailForm
from packets.models import AssignmentPage, PacketPage
from packets.views import PacketSearchForm
from tests.properties.strategies import form_data
from tests.surface.world import world_fixture

world = pytest.fixture(scope="module")(world_fixture)

# name -> how to build the form with data, given the world
FORMS = {
    "join": lambda data, w: JoinForm(data),
    "session": lambda data, w: SessionForm(data),
    "add students": lambda data, w: AddStudentsForm(data, may_move=True),
    "send packet": lambda data, w: SendPacketForm(data, packets=PacketPage.objects.live()),
    "new class": lambda data, w: NewClassForm(data),
    "records filter": lambda data, w: RecordsFilterForm(data, classes=Class.objects.all()),
    "assessment": lambda data, w: AssessmentForm(data),
    "feedback": lambda data, w: FeedbackForm(data, points=10),
    "chat message": lambda data, w: MessageForm(data),
    "mute": lambda data, w: MuteForm(data),
    "phrase": lambda data, w: TextForm(data),
    "breakouts": lambda data, w: BreakoutForm(data),
    "packet search": lambda data, w: PacketSearchForm(data),
    "email address": lambda data, w: AddEmailForm(data=data, user=w.users["student"]),
}
ASSIGNMENT_KINDS = ("my-shopping-list", "clinic-quiz")


def check(form):
    valid = form.is_valid()
    assert valid or form.errors, "refused without saying why"


@pytest.mark.parametrize("name", FORMS)
@given(data=st.data())
def test_a_form_never_raises_and_always_says_why(db, world, name, data):
    names = FORMS[name]({}, world).fields
    check(FORMS[name](data.draw(form_data(names)), world))


@pytest.mark.parametrize("slug", ASSIGNMENT_KINDS)
@given(data=st.data())
def test_handing_in_never_raises_and_always_says_why(db, world, slug, data):
    assignment = AssignmentPage.objects.get(slug=slug)
    names = SubmissionForm(assignment).fields
    check(SubmissionForm(assignment, data.draw(form_data(names))))
