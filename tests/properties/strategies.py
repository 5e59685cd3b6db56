"""What a person (or a script) may put in a field: anything text can hold,
numbers and dates written every way, and the URL walk's corpus of bad values."""

from django.utils.datastructures import MultiValueDict
from hypothesis import strategies as st

from tests.surface.bad_values import BAD_VALUES

field_value = st.one_of(
    st.sampled_from(BAD_VALUES),
    st.text(max_size=60),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.dates().map(str),
    st.times().map(lambda t: t.isoformat()),
    st.from_regex(r"[0-9١٢٣４５]{1,25}", fullmatch=True),
)


def form_data(names):
    """A form's POST: any of its fields (and a stray one), each with one or
    more values, as a QueryDict-like MultiValueDict."""
    keys = st.sampled_from(sorted(names) + ["stray"])
    values = st.lists(field_value, min_size=1, max_size=3)
    return st.dictionaries(keys, values, max_size=len(names) + 1).map(MultiValueDict)


json_value = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=40)
    | st.sampled_from(BAD_VALUES[:-1]),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=8,
)

# A chat frame: mostly objects shaped like the protocol's, with any values.
chat_object = st.fixed_dictionaries(
    {"type": st.sampled_from(["send", "history", "deleted", "", "SEND"]) | json_value},
    optional={"text": json_value, "client_id": json_value, "after": json_value, "id": json_value},
)
