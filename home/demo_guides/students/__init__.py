"""The students' guides: their structure, stated once here, and their words in
every interface language, one module per language (`en.py`, `ar.py`, …).

A language module holds `TEXTS`: for each guide's slug, its "title", its
"summary" and one sentence per step, keyed by the step's shot (its picture,
`<shot>.<language>.png` in home/demo_guides/). Buttons are named as the
interface names them in that language (locale/<language>/LC_MESSAGES/django.po).
To add a language: write its module, add it to LANGUAGES, and take its pictures
(scripts/guide_screenshots.py, docs/guides.md)."""

from importlib import import_module

# Every interface language (learning/languages.py), English (the originals) first.
LANGUAGES = ("en", "ar", "es", "fr", "ht", "prs", "ps", "sw", "uk")

# (slug, the steps' shots in order, shown before signing in), in /help/'s order.
STRUCTURE = [
    ("sign-in", ("student-sign-in", "student-home"), True),
    ("this-weeks-packet", ("student-home", "student-packet"), False),
    ("hand-in-a-photo", ("student-photo-assignment", "student-photo-form"), False),
    ("record-your-voice", ("student-audio-assignment", "student-audio-form"), False),
    ("chat", ("student-class", "student-chat"), False),
    ("practise-cards", ("student-packet-cards-button", "student-flashcards"), False),
    ("save-for-offline", ("student-packet-save", "student-saved-packets"), False),
]


def texts():
    """{language: TEXTS} for every language in LANGUAGES."""
    return {code: import_module(f"{__name__}.{code}").TEXTS for code in LANGUAGES}


def build(all_texts):
    """The guides as the demo loader reads them (home/demo.py): each one's title,
    summary and steps' sentences as {language: words}. A language module that
    lacks a guide or a step raises KeyError here, not a half-translated guide."""
    return [
        {
            "slug": slug,
            "audience": "students",
            "title": {code: words[slug]["title"] for code, words in all_texts.items()},
            "summary": {code: words[slug]["summary"] for code, words in all_texts.items()},
            "steps": [
                (shot, {code: words[slug][shot] for code, words in all_texts.items()})
                for shot in shots
            ],
            "before_sign_in": before_sign_in,
        }
        for slug, shots, before_sign_in in STRUCTURE
    ]


STUDENT_GUIDES = build(texts())
