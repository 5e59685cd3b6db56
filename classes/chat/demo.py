"""Demo chat history: a few English practice messages and a phrase of the day in
every demo class, posted with the real service functions."""

from classes.chat.rooms import main_room
from classes.chat.services import post_message, post_phrase_of_the_day

CONVERSATION = [
    "Good evening, everyone! How was your day?",
    "Good evening, teacher. My day was busy. I worked at the warehouse.",
    "Hello! I went to the clinic today. I made an appointment for my son.",
    "Well done! Can you tell us one new word you learned this week?",
    "appointment — a time to see the doctor",
]
PHRASE = "It's a piece of cake. = It is very easy."


def load_chat(class_, teacher, students):
    """Idempotent: a room that already has messages is left alone."""
    room = main_room(class_)
    if room.messages.exists() or not students:
        return 0
    speakers = [teacher, students[0], students[-1], teacher, students[0]]
    for number, (author, text) in enumerate(zip(speakers, CONVERSATION, strict=True)):
        post_message(author, room, text, client_id=f"demo-{number}")
    post_phrase_of_the_day(teacher, class_, PHRASE)
    return len(CONVERSATION) + 1
