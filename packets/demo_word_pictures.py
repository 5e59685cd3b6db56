"""Pictures for the Level 1 demo words, drawn by Pillow: a beginner's flashcards
show what a word means before they can read its meaning. Square, because the
vocabulary list shows them cropped square (fill-96x96) and cards at up to 480."""

from PIL import Image, ImageDraw

from packets.demo_images import COLOURS, INK, font

SIDE = 480


def _canvas():
    image = Image.new("RGB", (SIDE, SIDE), "#ffffff")
    return image, ImageDraw.Draw(image)


def _person(draw, x, colour="blue", waving=False):
    """A simple figure standing at x: head, body, and an arm up when waving."""
    fill = COLOURS[colour]
    draw.ellipse((x - 40, 230, x + 40, 310), fill=fill)
    draw.rounded_rectangle((x - 60, 320, x + 60, 470), radius=30, fill=fill)
    if waving:
        draw.line((x + 50, 340, x + 110, 250), fill=fill, width=22)
        draw.ellipse((x + 92, 222, x + 132, 262), fill=fill)


def _bubble(draw, text, size=56):
    draw.rounded_rectangle((30, 30, 450, 190), radius=36, outline=INK, width=6)
    draw.polygon([(150, 186), (190, 186), (160, 225)], fill=INK)
    draw.text((SIDE // 2, 110), text, font=font(size), fill=INK, anchor="mm")


def speaking(text, waving=False, size=56):
    image, draw = _canvas()
    _bubble(draw, text, size)
    _person(draw, 170, waving=waving)
    return image


def meeting():
    image, draw = _canvas()
    _bubble(draw, "Nice to meet you!", 42)
    _person(draw, 140)
    _person(draw, 340, colour="green")
    draw.line((200, 360, 280, 360), fill=INK, width=14)  # the handshake
    return image


def big(text, colour="blue", size=260):
    image, draw = _canvas()
    draw.text((SIDE // 2, SIDE // 2), text, font=font(size), fill=COLOURS[colour], anchor="mm")
    return image


def name_tag(top, name, underline=None):
    """A name tag; `underline` marks one word of the name (first or last name)."""
    image, draw = _canvas()
    draw.rounded_rectangle((20, 110, 460, 370), radius=30, fill=COLOURS["red"])
    draw.rectangle((40, 200, 440, 350), fill="#ffffff")
    draw.text((SIDE // 2, 155), top, font=font(44), fill="#ffffff", anchor="mm")
    letters = font(56)
    draw.text((SIDE // 2, 275), name, font=letters, fill=INK, anchor="mm")
    if underline:
        left, _top, right, _bottom = draw.textbbox((SIDE // 2, 275), name, letters, anchor="mm")
        start = name.index(underline)
        x0 = left + draw.textlength(name[:start], font=letters)
        x1 = x0 + draw.textlength(underline, font=letters)
        draw.line((x0, 320, min(x1, right), 320), fill=COLOURS["blue"], width=10)
    return image


def phone(number):
    image, draw = _canvas()
    draw.rounded_rectangle((130, 20, 350, 460), radius=36, outline=INK, width=10)
    draw.rectangle((155, 70, 325, 400), fill="#f5f7f9")
    draw.text((240, 235), number.replace("-", "-\n"), font=font(48), fill=INK, anchor="mm")
    return image


def board():
    """A teacher beside a board with letters on it."""
    image, draw = _canvas()
    draw.rectangle((150, 40, 460, 250), fill=COLOURS["green"])
    draw.text((305, 145), "A B C", font=font(64), fill="#ffffff", anchor="mm")
    _person(draw, 90, colour="red", waving=True)
    return image


def pin(place):
    image, draw = _canvas()
    draw.ellipse((160, 40, 320, 200), fill=COLOURS["red"])
    draw.polygon([(175, 150), (305, 150), (240, 300)], fill=COLOURS["red"])
    draw.ellipse((210, 90, 270, 150), fill="#ffffff")
    draw.text((SIDE // 2, 390), place, font=font(64), fill=INK, anchor="mm")
    return image


# Level 1 words → (drawing, arguments), the alt text being the word itself.
WORD_PICTURES = {
    "hello": (speaking, ("Hello!", True)),
    "goodbye": (speaking, ("Goodbye!", True)),
    "name": (name_tag, ("HELLO, my name is", "Ana")),
    "from": (pin, ("Syria",)),
    "nice to meet you": (meeting, ()),
    "thank you": (speaking, ("Thank you!",)),
    "please": (speaking, ("Please sit down.", False, 44)),
    "teacher": (board, ()),
    "letter": (big, ("A",)),
    "alphabet": (big, ("A B C … Z", "green", 64)),
    "spell": (big, ("O-M-A-R", "red", 90)),
    "number": (big, ("7",)),
    "phone number": (phone, ("555-0142",)),
    "zero": (big, ("0", "red")),
    "first name": (name_tag, ("first name", "Omar Haddad", "Omar")),
    "last name": (name_tag, ("last name", "Omar Haddad", "Haddad")),
}


def word_picture(term):
    """The drawing for a Level 1 demo word, or None."""
    if term not in WORD_PICTURES:
        return None
    drawing, arguments = WORD_PICTURES[term]
    return drawing(*arguments)
