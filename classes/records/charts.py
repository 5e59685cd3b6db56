"""Small bar charts drawn on the server as inline SVG: no chart library, no JavaScript.

A chart is an image with a name (`role="img"`, `<title>` and `<desc>`); the
numbers themselves are in the data table the template puts beside it, which is
what screen readers read. In right-to-left languages time runs from right to
left, as the page reads, and the value axis sits on the right. Every label is
anchored at its middle, so its placement does not depend on the text direction.
Colours come from the stylesheet (classes on the elements), not from attributes.
"""

from dataclasses import dataclass
from itertools import count

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

WIDTH, HEIGHT = 400, 130
AXIS, TOP, BOTTOM = 40, 10, 22  # room for the value labels, above, and the date labels
PLOT_WIDTH, PLOT_HEIGHT = WIDTH - AXIS - 4, HEIGHT - TOP - BOTTOM
_chart_numbers = count(1)


@dataclass(frozen=True)
class Point:
    label: str  # under the axis and in the bar's tooltip: "7 Sep"
    value: float | None  # None: nothing to show (no session that week)
    text: str  # the value as the table shows it: "87 %"


def nice_ceiling(value):
    """The top of the value axis: 1, 2 or 5 times a power of ten, at least 1."""
    if value <= 1:
        return 1
    power = 1
    while power * 10 < value:
        power *= 10
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value)


def bar_chart(points, *, title, top=None, top_text=None, rtl=False):
    """SVG markup for one bar per point. `top`: the axis maximum (100 for a
    percent); otherwise a round number above the highest value."""
    number = next(_chart_numbers)
    values = [p.value for p in points if p.value is not None]
    top = top or nice_ceiling(max(values, default=0))
    slot = PLOT_WIDTH / max(len(points), 1)

    def x_of(index):
        """Where a point's slot starts: mirrored in right-to-left pages."""
        return WIDTH - AXIS - (index + 1) * slot if rtl else AXIS + index * slot

    bars = format_html_join(
        "",
        '<rect class="bar" x="{}" y="{}" width="{}" height="{}"><title>{}: {}</title></rect>',
        (
            (
                f"{x_of(i) + slot * 0.15:.1f}",
                f"{TOP + PLOT_HEIGHT * (1 - p.value / top):.1f}",
                f"{slot * 0.7:.1f}",
                f"{PLOT_HEIGHT * p.value / top:.1f}",
                p.label,
                p.text,
            )
            for i, p in enumerate(points)
            if p.value is not None
        ),
    )
    return format_html(
        '<svg class="chart" viewBox="0 0 {w} {h}" role="img" aria-labelledby="chart-{n}-t '
        'chart-{n}-d" direction="{dir}" xmlns="http://www.w3.org/2000/svg">'
        '<title id="chart-{n}-t">{title}</title><desc id="chart-{n}-d">{desc}</desc>'
        "{axis}{bars}{labels}</svg>",
        w=WIDTH,
        h=HEIGHT,
        n=number,
        dir="rtl" if rtl else "ltr",
        title=title,
        desc=describe(points),
        axis=value_axis(top_text or str(top), rtl),
        bars=bars,
        labels=date_labels(points, x_of, slot, rtl),
    )


def value_axis(top_text, rtl):
    """The baseline, the top line and their values, beside the plot."""
    x1, x2 = (4, WIDTH - AXIS) if rtl else (AXIS, WIDTH - 4)
    label_x = WIDTH - AXIS / 2 if rtl else AXIS / 2
    return format_html(
        '<line class="grid" x1="{x1}" x2="{x2}" y1="{top}" y2="{top}"/>'
        '<line class="baseline" x1="{x1}" x2="{x2}" y1="{base}" y2="{base}"/>'
        '<text class="tick" x="{lx}" y="{top_y}" text-anchor="middle">{top_text}</text>'
        '<text class="tick" x="{lx}" y="{base_y}" text-anchor="middle">0</text>',
        x1=x1,
        x2=x2,
        top=TOP,
        base=TOP + PLOT_HEIGHT,
        lx=f"{label_x:.0f}",
        top_y=TOP + 4,
        base_y=TOP + PLOT_HEIGHT + 4,
        top_text=top_text,
    )


# Half the width of a date label: a label's middle stays this far inside the plot.
LABEL_HALF_WIDTH = 22


def date_labels(points, x_of, slot, rtl):
    """The first, middle and last point's labels under the axis."""
    if not points:
        return ""
    low, high = (4, WIDTH - AXIS) if rtl else (AXIS, WIDTH - 4)

    def middle(index):
        centre = x_of(index) + slot / 2
        return min(max(centre, low + LABEL_HALF_WIDTH), high - LABEL_HALF_WIDTH)

    shown = sorted({0, len(points) // 2, len(points) - 1})
    return format_html_join(
        "",
        '<text class="tick" x="{}" y="{}" text-anchor="middle">{}</text>',
        ((f"{middle(i):.1f}", HEIGHT - 6, points[i].label) for i in shown),
    )


def describe(points):
    """One sentence for those who cannot see the chart: its range and highest point."""
    if not points:
        return _("No data for this period.")
    shown = [p for p in points if p.value is not None]
    if not shown:
        return _("From %(first)s to %(last)s: no data.") % {
            "first": points[0].label,
            "last": points[-1].label,
        }
    highest = max(shown, key=lambda p: p.value)
    return _("From %(first)s to %(last)s. Highest: %(value)s (%(label)s).") % {
        "first": points[0].label,
        "last": points[-1].label,
        "value": highest.text,
        "label": highest.label,
    }
