"""Weekly trends of attendance as charts with their data tables."""

from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from classes.records.attendance_figures import weekly_attendance
from classes.records.charts import Point, bar_chart
from classes.records.tables import hours_text, percent_text


@dataclass(frozen=True)
class Trend:
    title: str
    column: str  # the table's value heading
    svg: str
    rows: list  # [(week label, value text)]


def week_label(week):
    return date_format(week.monday, "j M")


def trend(title, column, weeks, value, text, top=None, top_text=None):
    points = [Point(week_label(w), value(w), text(w)) for w in weeks]
    svg = bar_chart(points, title=title, top=top, top_text=top_text, rtl=get_language_bidi())
    return Trend(title, column, svg, [(p.label, p.text) for p in points])


def attendance_trends(classes, period):
    """Two charts: the weekly attendance rate and the weekly contact hours."""
    weeks = weekly_attendance(classes, period)
    rate = trend(
        _("Attendance rate per week"),
        _("Attendance rate"),
        weeks,
        lambda w: w.attendance_rate,
        lambda w: percent_text(w.attendance_rate),
        top=100,
        top_text=percent_text(100),
    )
    hours = trend(
        _("Contact hours per week"),
        _("Contact hours"),
        weeks,
        lambda w: float(w.contact_hours),
        lambda w: hours_text(w.contact_hours),
    )
    return [rate, hours]
