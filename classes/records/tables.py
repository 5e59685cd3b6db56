"""The figures as rows of a table, formatted in the reader's language: one row
per figure, one cell per column (level, class or total)."""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from classes.records.rules import nrs_rules

NO_VALUE = "—"


def whole(value):
    return number_format(value, 0, force_grouping=True)


def percent_text(value):
    if value is None:
        return NO_VALUE
    return _("%(number)s%%") % {"number": number_format(round(value), 0)}


def hours_text(value):
    """Hours as shown (one decimal); classes.attendance.as_hours makes them from minutes."""
    return NO_VALUE if value is None else number_format(value, 1, force_grouping=True)


def as_wait(hours):
    return NO_VALUE if hours is None else _("%(hours)s h") % {"hours": number_format(hours, 1)}


def as_gains(figures):
    if figures.gains_percent is None:
        return whole(figures.gains)
    return f"{whole(figures.gains)} ({percent_text(figures.gains_percent)})"


@dataclass(frozen=True)
class FigureRow:
    key: str
    label: str
    explanation: str
    formatter: object

    def cells(self, columns):
        return [self.formatter(column.figures) for column in columns]


def participants_label():
    return _("Participants (%(hours)s+ hours)") % {
        "hours": number_format(nrs_rules().participant_hours, 0)
    }


def figure_rows():
    """The dashboard's figures in order; explanations are short, the full
    definitions are in docs/records.md."""
    return [
        FigureRow(
            "active_students",
            _("Active students"),
            _("Students enrolled in the period, including those who left during it."),
            lambda f: whole(f.active_students),
        ),
        FigureRow(
            "classes",
            _("Classes"),
            _("Classes whose term overlaps the period."),
            lambda f: whole(f.classes),
        ),
        FigureRow(
            "attendance_rate",
            _("Attendance rate"),
            _(
                "Present or late, out of present, late and absent; excused absences and "
                "cancelled sessions are left out."
            ),
            lambda f: percent_text(f.attendance_rate),
        ),
        FigureRow(
            "contact_hours",
            _("Contact hours"),
            _("Minutes attended (present or late) in held sessions, in hours."),
            lambda f: hours_text(f.contact_hours),
        ),
        FigureRow(
            "in_person_hours",
            _("In-person hours"),
            _("Contact hours in classes that meet in person or hybrid."),
            lambda f: hours_text(f.in_person_hours),
        ),
        FigureRow(
            "live_virtual_hours",
            _("Live virtual hours"),
            _("Contact hours in classes that meet online, live."),
            lambda f: hours_text(f.live_virtual_hours),
        ),
        FigureRow(
            "proxy_hours",
            _("Proxy hours"),
            _(
                "Distance-learning hours earned in the period by work in Harbor: work a "
                "teacher returned, quizzes passed at the set score."
            ),
            lambda f: hours_text(f.proxy_hours),
        ),
        FigureRow(
            "total_hours",
            _("All hours"),
            _("In-person, live virtual and proxy hours together."),
            lambda f: hours_text(f.total_hours),
        ),
        FigureRow(
            "median_hours",
            _("Median hours per student"),
            _("Half the active students attended fewer hours, half more."),
            lambda f: hours_text(f.median_hours),
        ),
        FigureRow(
            "participants",
            participants_label(),
            _("Active students with at least that many contact hours."),
            lambda f: whole(f.participants),
        ),
        FigureRow(
            "completion_rate",
            _("Assignments handed in"),
            _(
                "Work handed in, out of the assignments due in the period while each "
                "student was in the class."
            ),
            lambda f: percent_text(f.completion_rate),
        ),
        FigureRow(
            "on_time_rate",
            _("Handed in on time"),
            _("Of the work handed in, first handed in by the due date."),
            lambda f: percent_text(f.on_time_rate),
        ),
        FigureRow(
            "average_score",
            _("Average score"),
            _("Scores as a percent of the assignment's points."),
            lambda f: percent_text(f.average_score),
        ),
        FigureRow(
            "median_feedback",
            _("Median time to feedback"),
            _("From handing in to the teacher's first feedback on it."),
            lambda f: as_wait(f.median_feedback_hours),
        ),
        FigureRow(
            "flashcards",
            _("Flashcards practised"),
            _("Cards of the level's packets whose latest review fell in the period."),
            lambda f: whole(f.flashcards),
        ),
        FigureRow(
            "post_tested",
            _("Students post-tested"),
            _("Active students with a post-test in the period."),
            lambda f: whole(f.post_tested),
        ),
        FigureRow(
            "gains",
            _("Measurable skill gains"),
            _(
                "Participants whose post-test placed them above their entering level "
                "(percent of participants)."
            ),
            as_gains,
        ),
    ]


def table(columns):
    """[(row, [cell text per column])] for a template."""
    return [(row, row.cells(columns)) for row in figure_rows()]
