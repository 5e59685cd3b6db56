"""Pictures for the demo packets, drawn by Pillow: simple, clear pictograms and
signs, so the demo needs no download and carries no one else's copyright."""

from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

SIZE = (720, 480)
INK = "#1b1f24"
COLOURS = {"blue": "#0b5cad", "red": "#b42318", "green": "#1a7f37", "yellow": "#f2c200"}


def font(size):
    return ImageFont.load_default(size=size)


def canvas(background="#ffffff"):
    image = Image.new("RGB", SIZE, background)
    return image, ImageDraw.Draw(image)


def centred_text(draw, y, text, size, fill=INK):
    draw.text((SIZE[0] // 2, y), text, font=font(size), fill=fill, anchor="mm")


def sign(text, colour, subtitle=""):
    """A rectangular sign, as on a workplace wall or a clinic door."""
    image, draw = canvas()
    draw.rounded_rectangle((60, 60, 660, 420), radius=30, fill=COLOURS[colour])
    centred_text(draw, 210, text, 72, fill="#ffffff")
    if subtitle:
        centred_text(draw, 320, subtitle, 36, fill="#ffffff")
    return image


def speech(left, right):
    """Two people, each with a speech bubble: greetings and phone calls."""
    image, draw = canvas()
    for x, words in ((180, left), (540, right)):
        draw.ellipse((x - 50, 250, x + 50, 350), fill=COLOURS["blue"])
        draw.rounded_rectangle((x - 110, 360, x + 110, 470), radius=40, fill=COLOURS["blue"])
        draw.rounded_rectangle((x - 150, 40, x + 150, 200), radius=30, outline=INK, width=5)
        centred_text(draw, 120, words, 40)
    return image


def table(title, rows):
    """A small timetable or form, drawn as a grid of text."""
    image, draw = canvas()
    centred_text(draw, 50, title, 44)
    for row, cells in enumerate(rows):
        y = 110 + row * 70
        for column, cell in enumerate(cells):
            x = 40 + column * (640 // len(cells))
            draw.rectangle((x, y, x + 640 // len(cells), y + 70), outline=INK, width=3)
            draw.text((x + 16, y + 35), cell, font=font(32), fill=INK, anchor="lm")
    return image


def letters(text):
    image, draw = canvas("#f5f7f9")
    centred_text(draw, 240, text, 110, fill=COLOURS["blue"])
    return image


def png_bytes(image):
    buffer = BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def worksheet_pdf(title, lines):
    """A printable one-page worksheet (A4 at 72 dpi) with writing lines."""
    page = Image.new("RGB", (595, 842), "#ffffff")
    draw = ImageDraw.Draw(page)
    draw.text((50, 60), title, font=font(26), fill=INK)
    for number, line in enumerate(lines, start=1):
        y = 130 + number * 70
        draw.text((50, y), f"{number}. {line}", font=font(18), fill=INK)
        draw.line((50, y + 40, 545, y + 40), fill="#888888", width=1)
    buffer = BytesIO()
    page.save(buffer, "PDF")
    return buffer.getvalue()
