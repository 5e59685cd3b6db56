"""How the records turn counts into rates: one rule for the dashboard and the exports."""


def percent(part, whole):
    """`part` as a percent of `whole`, or None when there is nothing to divide by.
    An int part gives a float (the dashboard); a Decimal part an exact Decimal,
    which the NRS table rounds to one decimal."""
    return None if not whole else 100 * part / whole
