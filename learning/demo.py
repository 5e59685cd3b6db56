"""Demo accounts, all with the password `harbor-demo` (listed in the README)."""

from django.contrib.auth import get_user_model

from learning.roles import Role

DEMO_PASSWORD = "harbor-demo"

# username, display name, role, preferred language, email (students often have none)
DEMO_PEOPLE = [
    ("manager", "Linda Martínez", Role.MANAGER, "en", "manager@example.org"),
    ("teacher1", "Sarah Collins", Role.TEACHER, "en", "teacher1@example.org"),
    ("teacher2", "David Okafor", Role.TEACHER, "en", "teacher2@example.org"),
    ("student1", "Amina Yusuf", Role.STUDENT, "ar", "amina@example.org"),
    ("student2", "Ahmad Rahimi", Role.STUDENT, "prs", ""),
    ("student3", "Gul Wazir", Role.STUDENT, "ps", ""),
    ("student4", "Carlos Mendoza", Role.STUDENT, "es", "carlos@example.org"),
    ("student5", "Jean-Baptiste Pierre", Role.STUDENT, "ht", ""),
    ("student6", "Oksana Kovalenko", Role.STUDENT, "uk", "oksana@example.org"),
    ("student7", "Grace Mwangi", Role.STUDENT, "sw", ""),
    ("student8", "Marie Habimana", Role.STUDENT, "fr", ""),
    # A distance learner: mostly home study (classes/records/distance_demo.py).
    ("student9", "Rosa Hernández", Role.STUDENT, "es", ""),
]


def load(log):
    User = get_user_model()
    for username, name, role, language, email in DEMO_PEOPLE:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"display_name": name, "preferred_language": language, "email": email},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.add_role(role)
    log(f"{len(DEMO_PEOPLE)} demo accounts (password {DEMO_PASSWORD!r})")
