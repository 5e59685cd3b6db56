"""Demo practice group: three classmates practising for job interviews, with a
few messages, and an invitation waiting for student1. Made with the real services."""

from datetime import time

from django.contrib.auth import get_user_model

from classes.chat.services import post_message
from classes.models import PracticeGroup, PracticeKind, Weekday
from classes.practice.rooms import practice_room
from classes.practice.services import answer_invitation, create_group, invite

NAME = "Job interview practice"
CONVERSATION = [
    ("student2", "Hi! Shall we practise the question “Tell me about yourself”?"),
    ("student3", "Yes. I can start: I worked in a warehouse for three years."),
    ("student5", "Good answer! Next question: why do you want this job?"),
]


def load_practice(log):
    """Idempotent: a demo group that exists already is left alone."""
    people = {
        u.username: u
        for u in get_user_model().objects.filter(
            username__in=["student1", "student2", "student3", "student5"]
        )
    }
    if len(people) < 4 or PracticeGroup.objects.filter(name=NAME).exists():
        return
    creator = people["student2"]
    group = create_group(
        creator,
        NAME,
        PracticeKind.INTERVIEW,
        weekday=Weekday.THURSDAY,
        meets_at=time(19, 0),
        call_link="https://meet.example.org/harbor-interview-practice",
    )
    invite(creator, group, [people[u].pk for u in ("student1", "student3", "student5")])
    answer_invitation(people["student3"], group, accept=True)
    answer_invitation(people["student5"], group, accept=True)
    room = practice_room(group)
    for number, (username, text) in enumerate(CONVERSATION):
        post_message(people[username], room, text, client_id=f"demo-practice-{number}")
    log("1 practice group, with an invitation for student1")
