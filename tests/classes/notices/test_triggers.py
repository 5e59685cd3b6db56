"""Each kind of notice is written by the change it tells about, to the people it
concerns, in the same transaction; nobody is told the same event twice."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from classes.chat.services import open_breakout
from classes.models import Notice, NoticeKind
from classes.notices.tasks import next_morning, run_morning
from classes.schedule import change_session, set_cancelled
from tests import factories
from tests.classes.notices.conftest import future_session, kinds_of, unread
from tests.classes.submissions.conftest import publish_assignment

pytestmark = pytest.mark.django_db


def test_cancelling_a_session_tells_its_students_but_not_the_teacher_who_did_it(cohort):
    session = future_session(cohort)
    set_cancelled(session, True, by=cohort.teacher)
    assert kinds_of(cohort.amina) == kinds_of(cohort.gul) == [NoticeKind.SESSION_CANCELLED]
    assert kinds_of(cohort.teacher) == []
    notice = Notice.objects.get(recipient=cohort.amina)
    assert notice.link == f"/classes/{cohort.pk}/"
    assert unread(cohort.amina) == 1


def test_a_session_back_on_is_told_and_cancelling_twice_tells_once(cohort):
    session = future_session(cohort)
    set_cancelled(session, True, by=cohort.teacher)
    set_cancelled(session, True, by=cohort.teacher)
    set_cancelled(session, False, by=cohort.teacher)
    assert kinds_of(cohort.amina) == [NoticeKind.SESSION_CHANGED, NoticeKind.SESSION_CANCELLED]


def test_a_past_session_cancelled_tells_nobody(cohort):
    past = cohort.sessions.filter(ends_at__lt=timezone.now()).last()
    set_cancelled(past, True, by=cohort.teacher)
    assert not Notice.objects.exists()


def test_moving_a_session_tells_the_old_and_new_time(cohort):
    session = future_session(cohort, days=3)
    was = session.starts_at
    day = timezone.localtime(was).date()
    change_session(session, day=day, at=time(19, 30), duration_minutes=60, by=cohort.teacher)
    notice = Notice.objects.get(recipient=cohort.gul)
    assert notice.kind == NoticeKind.SESSION_CHANGED
    assert notice.params["was"] == was.isoformat()
    assert datetime.fromisoformat(notice.params["starts_at"]) == session.starts_at


def test_changing_only_the_topic_tells_nobody(cohort):
    session = future_session(cohort)
    start = timezone.localtime(session.starts_at)
    change_session(
        session,
        day=start.date(),
        at=start.time(),
        duration_minutes=90,
        by=cohort.teacher,
        topic="At the bank",
    )
    assert not Notice.objects.exists()


def test_the_morning_run_tells_the_class_of_tonight_s_session_with_its_call_link_once(cohort):
    morning = next_morning()
    run_morning(morning)
    run_morning(morning + timedelta(hours=1))
    notices = Notice.objects.filter(kind=NoticeKind.SESSION_TONIGHT)
    assert sorted(n.recipient_id for n in notices) == sorted(
        [cohort.teacher.pk, cohort.amina.pk, cohort.gul.pk]
    )
    assert notices[0].params["call"] == "https://meet.example.org/evening"


def test_the_morning_is_the_configured_hour_in_program_time(settings):
    settings.HARBOR_NOTICES_MORNING_HOUR = 6
    morning = timezone.localtime(next_morning())
    assert morning.time() == time(6, 0) and morning > timezone.now()
    assert morning - timezone.now() <= timedelta(days=1)


def test_feedback_tells_the_student(cohort):
    packet = factories.publish_packet(
        cohort.level, "Week 4: The bus", slug="bus", number=4, summary="Practice.", publish=False
    )
    assignment = publish_assignment(packet, "written", title="My bus stop")
    version = factories.hand_in_version(cohort.amina, assignment, text="It is near.")
    factories.give_feedback(cohort.teacher, version.submission, text="Good")
    notice = Notice.objects.get(recipient=cohort.amina, kind=NoticeKind.NEW_FEEDBACK)
    assert notice.params["title"] == "My bus stop"
    assert notice.link == f"/submissions/{version.submission.pk}/"


def test_a_packet_published_for_the_first_time_tells_the_level_s_students_once(cohort):
    packet = factories.publish_packet(
        cohort.level, "Week 5: Shopping", slug="shop", number=5, summary="Practice."
    )
    packet.title = "Week 5: Shopping for food"
    packet.save_revision().publish()
    assert kinds_of(cohort.amina) == [NoticeKind.NEW_PACKET]
    assert kinds_of(cohort.teacher) == []
    assert Notice.objects.get(recipient=cohort.gul).params["title"] == "Week 5: Shopping"


def test_a_breakout_invites_each_student_to_their_own_group(cohort):
    group = open_breakout(cohort.teacher, cohort, [[cohort.amina, cohort.gul]])[0]
    notice = Notice.objects.get(recipient=cohort.amina)
    assert notice.kind == NoticeKind.BREAKOUT_INVITATION
    assert notice.link == f"/classes/{cohort.pk}/groups/{group.pk}/chat/"
    assert kinds_of(cohort.teacher) == []
