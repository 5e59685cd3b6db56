"""What an export covers: the classes the viewer may export, narrowed by the
filters, and the period. Every export's rows are drawn from these."""

from dataclasses import dataclass

from django.db.models import CharField, F, Q, QuerySet, Value
from django.db.models.functions import Coalesce, Concat, NullIf, Trim

from classes.access import records_classes
from classes.models import Enrollment
from classes.records.figures import not_ended_before
from classes.records.filters import Period, RecordsFilterForm


def exportable_classes(user) -> QuerySet:
    """Managers export every class, teachers the classes they teach, nobody else any."""
    return records_classes(user)


@dataclass(frozen=True)
class Scope:
    classes: QuerySet  # the classes whose students' rows are exported
    period: Period
    level_id: int | None = None
    class_id: int | None = None

    @classmethod
    def from_form(cls, form: RecordsFilterForm, visible: QuerySet) -> "Scope":
        """`form` must be valid: bad filters are refused, never silently dropped."""
        level, class_ = form.chosen("level"), form.chosen("class_")
        classes = visible
        if level is not None:
            classes = classes.filter(level=level)
        if class_ is not None:
            classes = classes.filter(pk=class_.pk)
        return cls(
            classes=classes,
            period=form.period(),
            level_id=level.pk if level else None,
            class_id=class_.pk if class_ else None,
        )

    def filename(self, name, extension):
        """`harbor-students-2026-09-07-to-2026-12-18-class-3.csv`: the export, its
        period and filters, so files saved side by side are told apart."""
        parts = [f"harbor-{name}", self.period.first_day.isoformat()]
        parts += ["to", self.period.last_day.isoformat()]
        if self.level_id is not None:
            parts.append(f"level-{self.level_id}")
        if self.class_id is not None:
            parts.append(f"class-{self.class_id}")
        return f"{'-'.join(parts)}.{extension}"


def between(field, period: Period):
    return Q(**{f"{field}__range": (period.first_day, period.last_day)})


def enrollments_in(scope: Scope) -> QuerySet:
    """Enrollments in the covered classes whose term overlaps the period that count
    in it (the dashboard's rule, figures.not_ended_before)."""
    period = scope.period
    return Enrollment.objects.filter(
        not_ended_before(period),
        cohort__in=scope.classes,
        cohort__term_start__lte=period.last_day,
        cohort__term_end__gte=period.first_day,
    )


def person_name(prefix=""):
    """User.name in SQL: the display name, else the full name, else the username."""
    full = Trim(Concat(F(f"{prefix}first_name"), Value(" "), F(f"{prefix}last_name")))
    return Coalesce(
        NullIf(F(f"{prefix}display_name"), Value("")),
        NullIf(full, Value("")),
        F(f"{prefix}username"),
        output_field=CharField(),
    )
