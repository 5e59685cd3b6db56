"""Printable sign-in cards: who, where, the username and (once, for new
accounts) the temporary password, and a QR code that opens the sign-in page
with the username filled in (learning/sign_in_links.py)."""

import segno
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from learning.sign_in_links import sign_in_url

# Medium error correction: a card survives a fold or a smudge and the code stays small.
QR_ERROR_CORRECTION = "m"


def printable_cards(request, students_and_passwords):
    """One card per (student, password); an empty password prints a blank line to write on."""
    return [
        {"student": student, "password": password, "qr": sign_in_qr(request, student.username)}
        for student, password in students_and_passwords
    ]


def sign_in_qr(request, username):
    """Inline SVG, sized by the stylesheet (a viewBox, no width): crisp on paper."""
    qr = segno.make_qr(sign_in_url(request, username), error=QR_ERROR_CORRECTION)
    svg = qr.svg_inline(
        border=2, omitsize=True, svgclass="qr", title=_("Scan to open the sign-in page")
    )
    return mark_safe(svg)  # segno's own markup; the title is escaped by segno
