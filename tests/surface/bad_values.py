"""What careless and hostile people type: a corpus of bad values for URL
parameters, query strings and form fields."""

BAD_VALUES = (
    "",
    "   ",
    "0",
    "-1",
    "²",  # a Unicode digit: str.isdigit() is true, int() refuses it
    "١٢٣",  # Arabic-Indic digits
    "１２３",  # full-width digits
    str(2**63),  # one past the database's largest id
    "1" * 23,
    "1e309",
    "0001-01-01",
    "9999-12-31",
    "2026-02-30",
    "' OR 1=1 --",
    '"',
    "'\"",
    "<script>alert(1)</script>",
    "\x00",
    "%ff",
    "line\nbreak",
    "🙂 نص عربي",
    "x" * 10_000,
    "٣" * 6000,  # more digits than int() reads: Wagtail's \d+ routes passed them on
)

# Query parameters Harbor's views read (grep "request.GET"), and ones a visitor
# might add to any URL; each walk sends all of them at once with one bad value.
QUERY_NAMES = (
    "after",
    "card",
    "end",
    "page",
    "start",
    "status",
    "next",
    "q",
    "level",
    "class",
    "student",
    "order",
    "format",
    "p",
    "topic",
    "kind",
    "overdue",
)
