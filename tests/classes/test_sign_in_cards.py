"""Sign-in cards carry a QR code that opens the sign-in page with the
student's username filled in (never their password)."""

import re

import segno

from classes.cards import QR_ERROR_CORRECTION
from classes.enrollment import create_student_accounts
from classes.models import Enrollment

SVG = re.compile(r"<svg\b[^>]*class=\"qr\".*?</svg>", re.S)  # the cards' QR codes, not the icons


def modules_drawn(svg):
    """The dark modules a segno SVG draws, as rows of 0/1 (border included):
    its path is one horizontal stroke per run of dark modules, on half-rows."""
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))
    grid = [[0] * size for _row in range(size)]
    x = y = 0.0
    for command, numbers in re.findall(r"([MmHh])([-\d. ]+)", re.search(r' d="([^"]+)"', svg)[1]):
        values = [float(n) for n in numbers.split()]
        if command in "Mm":
            x, y = (values[0], values[1]) if command == "M" else (x + values[0], y + values[1])
        else:
            for column in range(int(x), int(x + values[0])):
                grid[int(y)][column] = 1
            x += values[0]
    return grid


def encodes(svg, text):
    """Whether the SVG draws the QR code of `text` (module for module)."""
    expected = segno.make_qr(text, error=QR_ERROR_CORRECTION)
    drawn = modules_drawn(svg)
    border = (len(drawn) - expected.symbol_size(border=0)[0]) // 2
    inner = [row[border : len(row) - border] for row in drawn[border : len(drawn) - border]]
    return inner == [list(row) for row in expected.matrix]


def test_a_new_accounts_card_has_a_qr_code_of_its_sign_in_link(login, a_class, teacher):
    response = login(teacher).post(
        f"/classes/{a_class.pk}/students/add/", {"names": "Gul Wazir", "token": "qr-1"}
    )
    (svg,) = SVG.findall(response.content.decode())
    assert encodes(svg, "http://testserver/accounts/login/?username=gul.wazir1")
    assert not encodes(svg, "http://testserver/accounts/login/?username=gul.wazir2")
    assert "<title>Scan to open the sign-in page</title>" in svg


def test_the_class_cards_have_one_qr_code_per_student(login, a_class, teacher):
    create_student_accounts(a_class, ["Gul Wazir", "Marie Habimana"], added_by=teacher)
    page = login(teacher).get(f"/classes/{a_class.pk}/students/cards/").content.decode()
    first, second = SVG.findall(page)
    assert encodes(first, "http://testserver/accounts/login/?username=gul.wazir1")
    assert encodes(second, "http://testserver/accounts/login/?username=marie.habimana1")


def test_a_new_passwords_card_has_a_qr_code_without_the_password(login, a_class, teacher):
    ((gul, _old),) = create_student_accounts(a_class, ["Gul Wazir"], added_by=teacher)
    enrollment = Enrollment.objects.get(student=gul)
    page = (
        login(teacher)
        .post(f"/classes/{a_class.pk}/students/{enrollment.pk}/password/")
        .content.decode()
    )
    (svg,) = SVG.findall(page)
    assert encodes(svg, "http://testserver/accounts/login/?username=gul.wazir1")


def test_a_student_cannot_print_the_class_cards(login, a_class, enrolled):
    assert login(enrolled()).get(f"/classes/{a_class.pk}/students/cards/").status_code == 403
