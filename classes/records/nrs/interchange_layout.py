"""The interchange export's layout: each file's columns with their type and
codes, written into the zip as README.txt (and in docs/records.md). A test
checks that these are the column tables' headers, in order."""

# (column, type, meaning and codes) per file, in the files' column order.
LAYOUT = {
    "students": (
        ("student_id", "integer", "Harbor's id of the student (stable)"),
        ("username", "text", "the student's username in Harbor"),
        ("name", "text", "the name Harbor shows (display name, else first and last name)"),
        ("first_name", "text", "first name as recorded (may be empty)"),
        ("last_name", "text", "last name as recorded (may be empty)"),
        ("date_of_birth", "date", "YYYY-MM-DD; empty unless date_of_birth_status is given"),
        ("date_of_birth_status", "code", "given, declined, unknown"),
        ("sex", "code", "female, male, declined, unknown"),
        ("ethnicity", "code", "hispanic, not_hispanic, declined, unknown"),
        (
            "race",
            "codes",
            "american_indian, asian, black, pacific_islander, white, separated by ';'; "
            "or declined, unknown",
        ),
        ("period_entry_date", "date", "first day of service of the period of participation"),
        ("period_exit_date", "date", "exit date (last day of service); empty if not exited"),
        ("period_hours", "decimal", "hours of the whole period, in class and proxy"),
        ("period_proxy_hours", "decimal", "of them, proxy hours"),
        ("participant", "code", "yes (12 hours or more in the period), no"),
        ("entering_nrs_level", "integer", "1-6 from the period's first pre-test; empty if none"),
        ("program_type", "code", "ela, ielce, iet, unknown"),
        (
            "employment",
            "code",
            "employed, employed_notice, unemployed, not_in_labor_force, declined, unknown",
        ),
        (
            "schooling",
            "code",
            "none, grades_1_5, grades_6_8, grades_9_12, diploma, equivalency, "
            "some_postsecondary, postsecondary, declined, unknown",
        ),
        ("schooled_in", "code", "us, abroad, declined, unknown"),
        (
            "barriers",
            "codes",
            "displaced_homemaker, low_income, native, disability, older, ex_offender, "
            "homeless, foster_care, english_learner, farmworker, tanf, single_parent, "
            "long_term_unemployed, separated by ';'; or none, declined, unknown",
        ),
    ),
    "attendance": (
        ("student_id", "integer", "Harbor's id of the student"),
        ("service_date", "date", "YYYY-MM-DD, the program's local date"),
        ("hours", "decimal", "hours, two decimals"),
        ("hour_type", "code", "in_person, live_virtual, proxy"),
        ("class_id", "integer", "Harbor's id of the class; empty for proxy hours"),
        ("class_mode", "code", "in_person, online, hybrid; empty for proxy hours"),
        ("session_id", "integer", "Harbor's id of the session; empty for proxy hours"),
        (
            "proxy_model",
            "code",
            "teacher_verification, learner_mastery, clock_time; empty for sessions",
        ),
        (
            "submission_id",
            "integer",
            "the work that earned teacher-verified or mastery proxy hours; empty otherwise",
        ),
        ("packet_id", "integer", "the packet read or practised for clock-time proxy hours"),
    ),
    "tests": (
        ("assessment_id", "integer", "Harbor's id of the test result"),
        ("student_id", "integer", "Harbor's id of the student"),
        (
            "instrument",
            "code",
            "casas_reading, casas_listening, best_plus, best_literacy, tabe_clas_e, "
            "casas_steps_reading, casas_steps_listen, program",
        ),
        ("form", "text", "the test form, as recorded"),
        ("taken_on", "date", "YYYY-MM-DD"),
        ("scale_score", "integer", "scale score"),
        ("nrs_level", "integer", "NRS ESL level 1-6 the score placed the student at"),
        ("phase", "code", "pre, post"),
    ),
}

INTRODUCTION = """Harbor interchange export, program year {year} ({first} to {last}).

Three CSV files, UTF-8 with a byte-order mark, comma-separated, the column
names as the first row. Codes are English and the same in every language.
Check each column against your state's current import specification (LACES
and TOPSpro Enterprise templates vary by state) before importing.
"""


def readme_text(year) -> str:
    lines = [
        INTRODUCTION.format(year=year.name, first=year.first_day, last=year.last_day),
    ]
    for name, columns in LAYOUT.items():
        lines.append(f"\n{name}.csv\n")
        lines.extend(f"  {column} ({kind}): {meaning}\n" for column, kind, meaning in columns)
    return "".join(lines)
