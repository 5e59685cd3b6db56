"""Demo intake, so the NRS tables at /records/nrs/ have people in them: nine
students of the demo's countries, with answers a front desk would take (some
declined), and a status at entry dated at the start of each of their periods
of participation (student3 came back after an exit: two). Called from
classes/demo.py after attendance, since the periods come from it."""

from datetime import date

from django.contrib.auth import get_user_model

from classes.intake.services import save_entry, save_profile
from classes.models import IntakeProfile
from classes.records.period_data import periods_of_student

# username: (date of birth, sex, ethnicity, races, employment, schooling, where, barriers)
PEOPLE = {
    "student1": (
        date(1987, 4, 2),
        "female",
        "not_hispanic",
        ["white"],
        "unemployed",
        "diploma",
        "abroad",
        ["english_learner", "low_income"],
    ),
    "student2": (
        date(1995, 8, 20),
        "male",
        "not_hispanic",
        ["asian"],
        "employed",
        "grades_9_12",
        "abroad",
        ["english_learner"],
    ),
    "student3": (
        date(1979, 1, 15),
        "female",
        "not_hispanic",
        ["asian"],
        "not_in_labor_force",
        "none",
        "abroad",
        ["english_learner", "single_parent", "low_income"],
    ),
    "student4": (
        date(2001, 11, 30),
        "male",
        "hispanic",
        ["white"],
        "employed",
        "equivalency",
        "abroad",
        ["english_learner"],
    ),
    "student5": (
        None,
        "male",
        "not_hispanic",
        ["black"],
        "unemployed",
        "grades_6_8",
        "abroad",
        ["english_learner", "long_term_unemployed"],
    ),
    "student6": (
        date(1968, 6, 9),
        "female",
        "not_hispanic",
        ["white"],
        "employed_notice",
        "postsecondary",
        "abroad",
        ["english_learner", "older"],
    ),
    "student7": (
        date(1999, 3, 3),
        "female",
        "declined",
        [],
        "unemployed",
        "grades_9_12",
        "us",
        ["english_learner", "homeless"],
    ),
    "student8": (
        date(1990, 12, 12),
        "female",
        "not_hispanic",
        ["black", "white"],
        "unemployed",
        "some_postsecondary",
        "abroad",
        ["english_learner", "disability"],
    ),
    # The distance learner: works evenings, studies at home.
    "student9": (
        date(1984, 7, 19),
        "female",
        "hispanic",
        ["white"],
        "employed",
        "grades_9_12",
        "abroad",
        ["english_learner", "low_income"],
    ),
}


def load(log):
    manager = get_user_model().objects.filter(username="manager").first()
    students = get_user_model().objects.filter(username__in=PEOPLE)
    added = 0
    for student in students:
        if IntakeProfile.objects.filter(student=student).exists():
            continue  # taken already: the desk's answers are never overwritten
        born, sex, ethnicity, races, employment, schooling, where, barriers = PEOPLE[
            student.username
        ]
        profile = {"sex": sex, "ethnicity": ethnicity, "races": races}
        profile.update({"date_of_birth": born, "date_of_birth_declined": born is None})
        save_profile(student, profile, by=manager)
        for period in periods_of_student(student):
            entry = {"program_type": "ela" if student.username != "student6" else "ielce"}
            entry.update({"employment": employment, "schooling": schooling})
            entry.update({"schooled_in": where, "barriers": barriers})
            save_entry(student, period.start, entry, by=manager)
        added += 1
    log(f"intake for {added} students")
