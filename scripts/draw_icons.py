"""Draw Harbor's icons (favicon, home-screen icons) with Pillow, so no design
tool is needed to change them: `python scripts/draw_icons.py` rewrites
learning/static/harbor/icons/. A white anchor on the accent blue of base.css."""

from pathlib import Path

from PIL import Image, ImageDraw

ACCENT = (11, 92, 173)
WHITE = (255, 255, 255)
HERE = Path(__file__).resolve().parent.parent / "learning" / "static" / "harbor" / "icons"


def anchor(size, padding=0.0):
    """A square icon; `padding` (a fraction of the side) keeps the anchor in the
    safe zone of a maskable icon."""
    image = Image.new("RGB", (size, size), ACCENT)
    draw = ImageDraw.Draw(image)
    s = size * (1 - 2 * padding)
    x0 = y0 = size * padding

    def at(fx, fy):
        return (x0 + fx * s, y0 + fy * s)

    line = max(1, round(s * 0.08))
    ring = s * 0.09
    cx, top = at(0.5, 0.2)
    draw.ellipse([cx - ring, top - ring, cx + ring, top + ring], outline=WHITE, width=line)
    draw.line([at(0.5, 0.29), at(0.5, 0.8)], fill=WHITE, width=line)  # shank
    draw.line([at(0.32, 0.4), at(0.68, 0.4)], fill=WHITE, width=line)  # stock
    draw.arc([*at(0.2, 0.45), *at(0.8, 0.85)], start=20, end=160, fill=WHITE, width=line)
    return image


def main():
    HERE.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        anchor(size).save(HERE / f"icon-{size}.png", optimize=True)
    anchor(512, padding=0.12).save(HERE / "maskable-512.png", optimize=True)
    anchor(48).save(HERE / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])


if __name__ == "__main__":
    main()
