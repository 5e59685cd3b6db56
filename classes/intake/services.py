"""Recording intake (classes/models/intake.py) and reading it the way the
federal tables count it: age at entry in NRS bands, one race/ethnicity
category, and the status at entry that belongs to a period of participation.
The reading functions are pure: tests call them with hand-made values."""

from datetime import date

from django.db import transaction

from classes.models import IntakeEntry, IntakeProfile
from classes.models.intake import DECLINED, Ethnicity

NOT_REPORTED = "not_reported"

# NRS Tables 2 and 3: age at entry. (lowest age, label); the last band is open.
AGE_BANDS = ((16, "16-18"), (19, "19-24"), (25, "25-44"), (45, "45-54"), (55, "55-59"), (60, "60+"))


@transaction.atomic
def save_profile(student, values, *, by) -> IntakeProfile:
    """The person's answers; `values` as cleaned by ProfileForm."""
    profile, _created = IntakeProfile.objects.select_for_update().get_or_create(student=student)
    for field, value in values.items():
        setattr(profile, field, value)
    profile.updated_by = by
    profile.save()
    return profile


@transaction.atomic
def save_entry(student, entry_date, values, *, by) -> IntakeEntry:
    """The status at entry for the period that starts on `entry_date`; saving the
    same date again corrects it (one entry per period)."""
    entry, _created = IntakeEntry.objects.select_for_update().get_or_create(
        student=student, entry_date=entry_date
    )
    for field, value in values.items():
        setattr(entry, field, value)
    entry.updated_by = by
    entry.save()
    return entry


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def age_band(profile, day: date) -> str:
    """The NRS age band on `day` (the period's first day); "not reported" when
    the date of birth is unknown or declined, "under 16" below the first band."""
    if profile is None or profile.date_of_birth is None:
        return NOT_REPORTED
    age = age_on(profile.date_of_birth, day)
    found = "under-16"
    for lowest, label in AGE_BANDS:
        if age >= lowest:
            found = label
    return found


def race_ethnicity(profile) -> str:
    """One category per person, as NRS Tables 1–3 count: Hispanic or Latino of
    any race; else the one race chosen; else "more than one race"; "not
    reported" when the questions were declined or left blank."""
    if profile is None:
        return NOT_REPORTED
    if profile.ethnicity == Ethnicity.HISPANIC:
        return Ethnicity.HISPANIC
    races = sorted(set(profile.races))
    if profile.races_declined or not races:
        return NOT_REPORTED
    return races[0] if len(races) == 1 else "more_than_one"


def sex_of(profile) -> str:
    if profile is None or profile.sex in ("", DECLINED):
        return NOT_REPORTED
    return profile.sex


def entry_for_period(entries, period):
    """The status at entry describing `period`: the first entry dated within it,
    else the latest one dated before it began (taken at an earlier entry and
    not updated), else None. `entries` are the student's, in any order."""
    last_day = period.exit_date or date.max
    entries = sorted(entries, key=lambda entry: entry.entry_date)
    within = [e for e in entries if period.start <= e.entry_date <= last_day]
    if within:
        return within[0]
    before = [e for e in entries if e.entry_date < period.start]
    return before[-1] if before else None
