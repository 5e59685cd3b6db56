"""A home-study packet for the demo's distance learners (level 3): a short
reading and six small writing tasks that a teacher checks and returns; each
returned task earns proxy hours (classes/records/proxy.py). Found by slug
first: created once."""

from packets.demo import create_assignment, demo_picture, packet_body, speak_demo_vocabulary
from packets.models import PacketPage

HOME_STUDY = {
    "level": "level-3",
    "slug": "home-study-my-week",
    "title": "Home study: my week",
    "number": 9,
    "summary": "Six short writing tasks to do at home, one a day, checked by your teacher.",
    "picture": ("speech", ("My week", "One task a day."), "A note saying: one task a day."),
    "reading": (
        "Learning at home",
        "Rosa works in the evenings, so she studies at home. Every day she writes a few "
        "sentences about her week and sends them to her teacher. Once a week she joins "
        "the class online to talk.",
    ),
    # Like every demo packet: its words, with a voice and flashcards.
    "words": [
        "evening | the time after work, before night | I work in the evening.",
        "weekend | Saturday and Sunday | On the weekend I visit my sister.",
        "neighbour | a person who lives near you | My neighbour is kind.",
        "goal | something you want to do | My goal is a better job.",
        "plan | what you want to do later | My plan is to study every day.",
        "shift | the hours you work in one day | My shift starts at 4 p.m.",
        "practise | do again and again to learn | I practise English at home.",
        "sentence | a group of words with a meaning | Write three sentences.",
    ],
    # slug, title, instructions
    "tasks": [
        ("my-monday", "My Monday", "Write three sentences about what you did on Monday."),
        ("my-job", "My job", "Write three sentences about your job or the job you want."),
        ("my-family", "My family", "Write three sentences about the people you live with."),
        ("my-street", "My street", "Write three sentences about the street where you live."),
        ("my-weekend", "My weekend", "Write three sentences about your plans for Saturday."),
        ("my-goal", "My goal", "Write two sentences about why you are learning English."),
    ],
}


def home_study_packet(levels, today):
    """The packet and its six written tasks at level 3, made once."""
    level = levels[HOME_STUDY["level"]]
    packet = PacketPage.objects.child_of(level).filter(slug=HOME_STUDY["slug"]).first()
    if packet is not None:
        return packet
    packet = PacketPage(
        title=HOME_STUDY["title"],
        slug=HOME_STUDY["slug"],
        number=HOME_STUDY["number"],
        summary=HOME_STUDY["summary"],
        body=packet_body(HOME_STUDY, demo_picture(level, HOME_STUDY), None, {}),
    )
    level.add_child(instance=packet)
    packet.save_revision().publish()
    speak_demo_vocabulary()  # its words have a voice as soon as the demo is served
    for days, (slug, task, instructions) in enumerate(HOME_STUDY["tasks"], start=3):
        spec = {
            "slug": slug,
            "title": task,
            "kind": "written",
            "due_in_days": days,
            "points": 5,
            "instructions": instructions,
        }
        create_assignment(packet, spec, today, None)
    return packet
