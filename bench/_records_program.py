"""The program bench/records.py measures: a year of a 2,000-student program, built
with bulk_create in the benchmark's throwaway database (or found again with KEEP=1).

Six levels with 14 classes each (about 24 students a class), a year of twice-weekly
sessions (about 200,000 attendance rows), a year of assignments with handed-in work,
feedback, flashcard practice and pre-/post-tests."""

from datetime import date, datetime, time, timedelta

STUDENTS = 2000
LEVELS = 6
CLASSES_PER_LEVEL = 14
YEAR = (date(2025, 9, 1), date(2026, 8, 30))  # 52 weeks, Monday to Sunday
TERM = (date(2025, 9, 1), date(2025, 12, 19))
ASSIGNMENTS_PER_LEVEL = 24  # one due every other week
CARDS_PER_STUDENT = 30


# ---------------------------------------------------------------- the program


def build_program(rng):
    from classes.models import Attendance, Session

    levels = make_levels()
    teacher, manager = make_staff()
    students = make_students()
    classes = make_classes(levels, teacher)
    enrollments = enroll_students(rng, classes, students)
    attendance = take_rolls(rng, classes, enrollments, teacher)
    work = hand_in_work(rng, levels, enrollments, teacher)
    cards = practise_flashcards(rng, levels, enrollments)
    tests = take_tests(rng, students, manager)
    sessions = Session.objects.count()
    assert attendance == Attendance.objects.count()
    return {
        "manager": manager,
        "levels": levels,
        "classes": classes,
        "summary": (
            f"{len(students)} students, {len(classes)} classes, {sessions} sessions, "
            f"{attendance} attendance rows, {work} submissions, {cards} flashcard rows, "
            f"{tests} test results"
        ),
    }


def analyze(connection):
    """PostgreSQL's autovacuum gathers statistics after a large load; right after
    bulk_create the planner would still think the tables empty (and sorted the
    year's 200,000 attendance rows on disk). SQLite has no such step by default."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def built_program():
    """With KEEP=1, the program a previous KEEP=1 run left in the database."""
    from django.contrib.auth import get_user_model

    from classes.models import Class
    from packets.models import LevelPage

    manager = get_user_model().objects.filter(username="bench-manager").first()
    if manager is None:
        return None
    levels = list(LevelPage.objects.filter(slug__startswith="bench-level-").order_by("pk"))
    classes = list(Class.objects.order_by("pk"))
    summary = "kept from an earlier run (KEEP=1)"
    return {"manager": manager, "levels": levels, "classes": classes, "summary": summary}


def make_levels():
    from packets.levels import CEFRBand, NRSLevel
    from packets.models import AssignmentPage, LevelPage, PacketPage
    from packets.tree import home_page

    home, levels = home_page(), []
    bands = list(CEFRBand.values)
    for number in range(1, LEVELS + 1):
        level = LevelPage(
            slug=f"bench-level-{number}",
            title=f"Level {number}",
            nrs_level=NRSLevel(number),
            cefr_band=bands[number - 1],
        )
        home.add_child(instance=level)
        packet = PacketPage(title=f"Level {number} all year", number=1, summary="s", body=[])
        level.add_child(instance=packet)
        level.packet = packet
        level.assignments = []
        for week in range(ASSIGNMENTS_PER_LEVEL):
            assignment = AssignmentPage(
                title=f"Homework {week + 1}",
                kind="written",
                due_date=YEAR[0] + timedelta(weeks=2 * week + 1, days=4),
                points=10,
                instructions=[],
            )
            packet.add_child(instance=assignment)
            level.assignments.append(assignment)
        levels.append(level)
    return levels


def make_staff():
    from django.contrib.auth import get_user_model

    from learning.roles import Role

    User = get_user_model()
    teacher = User.objects.create_user(username="bench-teacher", password="x")
    teacher.add_role(Role.TEACHER)
    manager = User.objects.create_user(username="bench-manager", password="x")
    manager.add_role(Role.MANAGER)
    return teacher, manager


def make_students():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from learning.roles import Role

    User = get_user_model()
    User.objects.bulk_create(
        User(username=f"student-{n}", display_name=f"Student {n}", password="!")
        for n in range(STUDENTS)
    )
    students = list(User.objects.filter(username__startswith="student-").order_by("pk"))
    group = Group.objects.get(name=Role.STUDENT)
    User.groups.through.objects.bulk_create(
        User.groups.through(user_id=s.pk, group_id=group.pk) for s in students
    )
    return students


def make_classes(levels, teacher):
    from classes.schedule import create_class

    classes = []
    for level in levels:
        for number in range(CLASSES_PER_LEVEL):
            classes.append(
                create_class(
                    name=f"{level.title} class {number + 1}",
                    level=level,
                    teachers=[teacher],
                    term_start=YEAR[0],
                    term_end=YEAR[1],
                    meeting_days=[1, 3] if number % 2 == 0 else [2, 4],
                    start_time=time(18, 0),
                )
            )
    return classes


def enroll_students(rng, classes, students):
    """Every student in one class; 3 % also in a class of the next level; 5 %
    withdrawn part-way through the year. Returns [(class, student, ended_on)]."""
    from classes.models import Enrollment, EnrollmentStatus

    rows = []
    for index, student in enumerate(students):
        class_ = classes[index % len(classes)]
        ended = YEAR[0] + timedelta(days=rng.randrange(30, 330)) if rng.random() < 0.05 else None
        rows.append((class_, student, ended))
        if rng.random() < 0.03:
            rows.append((classes[(index + CLASSES_PER_LEVEL) % len(classes)], student, None))
    Enrollment.objects.bulk_create(
        Enrollment(
            cohort=class_,
            student=student,
            enrolled_on=YEAR[0],
            status=EnrollmentStatus.WITHDRAWN if ended else EnrollmentStatus.ACTIVE,
            ended_on=ended,
        )
        for class_, student, ended in rows
    )
    return rows


def mark(rng, minutes):
    roll = rng.random()
    if roll < 0.05:
        return "late", minutes - 30
    if roll < 0.12:
        return "absent", 0
    if roll < 0.15:
        return "excused", 0
    return "present", minutes


def take_rolls(rng, classes, enrollments, teacher):
    """A roll for every held session; 2 % of sessions cancelled (no roll)."""
    from django.utils import timezone

    from classes.models import Attendance, Session

    roster = {}
    for class_, student, ended in enrollments:
        roster.setdefault(class_.pk, []).append((student.pk, ended))
    sessions = list(Session.objects.order_by("starts_at"))
    cancelled = [s.pk for s in sessions if rng.random() < 0.02]
    Session.objects.filter(pk__in=cancelled).update(cancelled=True)
    cancelled, count, batch = set(cancelled), 0, []
    for session in sessions:
        if session.pk in cancelled:
            continue
        day = timezone.localtime(session.starts_at).date()
        for student_id, ended in roster[session.cohort_id]:
            if ended is not None and day > ended:
                continue
            status, minutes = mark(rng, session.duration_minutes)
            batch.append(
                Attendance(
                    session_id=session.pk,
                    student_id=student_id,
                    status=status,
                    minutes=minutes,
                    recorded_by=teacher,
                    recorded_at=session.ends_at,
                )
            )
        if len(batch) > 20_000:
            count += len(Attendance.objects.bulk_create(batch, batch_size=5_000))
            batch = []
    return count + len(Attendance.objects.bulk_create(batch, batch_size=5_000))


def at_evening(day):
    from django.utils import timezone

    return datetime.combine(day, time(20), tzinfo=timezone.get_default_timezone())


def hand_in_work(rng, levels, enrollments, teacher):
    """80 % of the assignments due while a student is enrolled are handed in
    (15 % of those late); 90 % get feedback after 2 to 120 hours."""
    from classes.models import Feedback, Submission, SubmissionVersion

    by_level = {level.pk: level for level in levels}
    submissions = []
    seen = set()
    for class_, student, ended in enrollments:
        for assignment in by_level[class_.level_id].assignments:
            key = (student.pk, assignment.pk)
            if key in seen or (ended and assignment.due_date > ended) or rng.random() > 0.8:
                continue
            seen.add(key)
            late = rng.random() < 0.15
            handed = at_evening(assignment.due_date + timedelta(days=2 if late else -1))
            submissions.append(
                Submission(
                    student=student,
                    assignment=assignment,
                    cohort=class_,
                    status="returned",
                    submitted_at=handed,
                    first_submitted_at=handed,
                    is_late=late,
                    score=rng.randrange(4, 11),
                )
            )
    Submission.objects.bulk_create(submissions, batch_size=5_000)
    versions = SubmissionVersion.objects.bulk_create(
        (
            SubmissionVersion(
                submission=s,
                number=1,
                submitted_at=s.submitted_at,
                is_late=s.is_late,
                token=f"v{s.pk}",
            )
            for s in submissions
        ),
        batch_size=5_000,
    )
    created_at = Feedback._meta.get_field("created_at")
    created_at.auto_now_add = False  # the bench sets when feedback was given
    try:
        Feedback.objects.bulk_create(
            (
                Feedback(
                    submission_id=v.submission_id,
                    version=v,
                    teacher=teacher,
                    status="returned",
                    created_at=v.submitted_at + timedelta(hours=rng.randrange(2, 120)),
                    token=f"f{v.pk}",
                )
                for v in versions
                if rng.random() < 0.9
            ),
            batch_size=5_000,
        )
    finally:
        created_at.auto_now_add = True
    return len(submissions)


def practise_flashcards(rng, levels, enrollments):
    from packets.models import FlashcardProgress

    by_level = {level.pk: level for level in levels}
    rows, seen = [], set()
    for class_, student, _ended in enrollments:
        if (student.pk, class_.level_id) in seen:
            continue
        seen.add((student.pk, class_.level_id))
        packet = by_level[class_.level_id].packet
        for card in range(CARDS_PER_STUDENT):
            last = at_evening(YEAR[0] + timedelta(days=rng.randrange(0, 364)))
            rows.append(
                FlashcardProgress(
                    student=student,
                    packet=packet,
                    item_id=f"item-{card}",
                    due=last + timedelta(days=4),
                    first_review=last - timedelta(days=10),
                    last_review=last,
                    reviews=rng.randrange(1, 8),
                )
            )
    return len(FlashcardProgress.objects.bulk_create(rows, batch_size=5_000))


def take_tests(rng, students, manager):
    """A pre-test in September for everyone; a post-test in December for 60 %,
    a level higher for 40 % of those. The bench's year is past the former tests'
    sunset (migration 0024): like the demo, its program keeps CASAS reading
    approved, so the figures measure counted results, as before."""
    from classes.models import Assessment, TestInstrument

    TestInstrument.objects.filter(code="casas_reading").update(approved_until=None)
    rows = []
    for student in students:
        level = rng.randrange(1, 6)
        common = {"student": student, "test": "casas_reading", "recorded_by": manager}
        rows.append(
            Assessment(
                **common, taken_on=date(2025, 9, 10), scale_score=200, phase="pre", nrs_level=level
            )
        )
        if rng.random() < 0.6:
            post = level + (1 if rng.random() < 0.4 else 0)
            rows.append(
                Assessment(
                    **common,
                    taken_on=date(2025, 12, 10),
                    scale_score=210,
                    phase="post",
                    nrs_level=post,
                )
            )
    return len(Assessment.objects.bulk_create(rows, batch_size=5_000))
