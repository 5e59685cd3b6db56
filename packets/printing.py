"""A packet on paper: the QR code printed under it, which opens the packet
online. Students who get the packet printed scan it to hear the words, practise
and hand in work. The print stylesheet (packets/static/packets/print.css) shows
it only on paper."""

import segno
from django.template.loader import render_to_string

# Medium error correction: the code survives a fold or a smudge and stays small.
QR_ERROR_CORRECTION = "m"


def print_qr(request):
    """The QR code for the page the request asked for, for readers who print
    packets for their students (teachers and managers), else "".

    Per reader, never in the shared cached copy: the address is the request's
    own (its host), and students' phones need not download it."""
    user = request.user
    if getattr(request, "is_preview", False) or not user.is_authenticated or not user.may_publish:
        return ""
    url = request.build_absolute_uri(request.path)
    qr = segno.make_qr(url, error=QR_ERROR_CORRECTION)
    svg = qr.svg_inline(border=2, omitsize=True, svgclass="qr")
    return render_to_string("packets/includes/print_qr.html", {"url": url, "svg": svg})
