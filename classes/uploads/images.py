"""Photos of paper work: checked, cleaned and re-encoded before anything is stored.

Students are refugees and immigrants: a phone photo's EXIF can carry the GPS
position of their home. Nothing of the upload's metadata survives: the output
is a new JPEG built from pixels only.
"""

import io
import math
import warnings
from dataclasses import dataclass

import pillow_heif
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from classes.uploads.errors import UploadRejected
from classes.uploads.reading import read_within
from classes.uploads.storage import private_name

# Phones send HEIC (iPhone) besides JPEG, PNG and WebP; nothing else is opened,
# so TIFF, EPS, SVG, PSD and friends never reach a decoder.
pillow_heif.register_heif_opener()
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", "HEIF")

# Longest side of the stored photo: sharp enough to read handwriting on a
# phone or laptop screen, 200-400 KB instead of several MB.
MAX_SIDE = 1600
JPEG_QUALITY = 82


@dataclass(frozen=True)
class ProcessedImage:
    """A re-encoded photo, ready for the private storage."""

    content: bytes
    width: int
    height: int
    format: str = "JPEG"
    content_type: str = "image/jpeg"
    extension: str = ".jpg"

    def as_file(self):
        """A ContentFile with a random name, for `FileField.save()` or `storage.save()`."""
        return ContentFile(self.content, name=private_name(self.extension))


def process_photo(uploaded_file):
    """Check and re-encode a photo; raise UploadRejected with the reason if refused.

    In order: the byte limit (before reading more), the format allowlist (from
    the bytes, never the name), the pixel limit (from the header, before any
    pixel is decoded), then decode, orientation, downscale and re-encode.
    """
    data = read_within(uploaded_file, settings.HARBOR_UPLOAD_MAX_IMAGE_BYTES)
    with warnings.catch_warnings():
        # Pillow only warns between MAX_IMAGE_PIXELS and twice that: refuse instead.
        # (The filter is process-wide; if another thread resets it meanwhile,
        # refuse_too_many_pixels below still applies the setting's lower limit.)
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image = open_allowed(data)
        with image:
            refuse_too_many_pixels(image.size)
            return reencode(decode_small(image))


def open_allowed(data):
    """Open the header only (Pillow decodes lazily); refuse anything not allowed."""
    try:
        return Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many_pixels() from None
    except UnidentifiedImageError:
        raise UploadRejected(
            _("This is not a photo Harbor accepts. Send a JPEG, PNG, WebP or HEIC picture."),
            code="wrong_type",
        ) from None
    except (OSError, ValueError, SyntaxError, EOFError):
        raise unreadable() from None


def refuse_too_many_pixels(size):
    width, height = size
    if width * height > settings.HARBOR_UPLOAD_MAX_IMAGE_PIXELS:
        raise too_many_pixels()


def decode_small(image):
    """Decode, already shrunk to MAX_SIDE and turned upright, as RGB or RGBA.

    The EXIF orientation survives the shrinking and is applied to the small
    image, which is cheaper than turning the big one.
    """
    try:
        ask_decoder_to_shrink(image)
        image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
        image = eight_bits(ImageOps.exif_transpose(image))
        return image.convert("RGBA" if has_transparency(image) else "RGB")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many_pixels() from None
    except (OSError, ValueError, SyntaxError, EOFError):
        raise unreadable() from None


def ask_decoder_to_shrink(image):
    """JPEG only: decode at 1/2, 1/4 or 1/8 scale, never below MAX_SIDE.

    A 12-megapixel photo then decodes to 2000 × 1500 instead of 4000 × 3000:
    a quarter of the pixel memory and much less time (bench/photo_pipeline.py).
    `thumbnail` alone drafts only when the photo is over twice the target.
    """
    width, height = image.size
    scale = MAX_SIDE / max(width, height)
    if scale < 1:
        image.draft(None, (math.ceil(width * scale), math.ceil(height * scale)))


def eight_bits(image):
    """16-bit grayscale (some scanning apps) would clip to white in a plain
    convert: scale it down to 8 bits first."""
    if image.mode in {"I", "I;16", "I;16B", "I;16L"}:
        return image.convert("I").point(lambda value: value / 256).convert("L")
    return image


def has_transparency(image):
    return image.mode in {"RGBA", "LA", "PA"} or "transparency" in image.info


def reencode(image):
    """A new JPEG from pixels only: a fresh image carries no EXIF, XMP or ICC
    block, whatever the source held. Transparency becomes white paper."""
    clean = Image.new("RGB", image.size, "white")
    clean.paste(image, mask=image if image.mode == "RGBA" else None)
    output = io.BytesIO()
    clean.save(output, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return ProcessedImage(content=output.getvalue(), width=clean.width, height=clean.height)


def too_many_pixels():
    limit = settings.HARBOR_UPLOAD_MAX_IMAGE_PIXELS / 1_000_000
    return UploadRejected(
        _(
            "This picture is too big (more than %(limit)s megapixels). "
            "Take it again or send a smaller one."
        ),
        code="too_many_pixels",
        params={"limit": f"{limit:g}"},
    )


def unreadable():
    return UploadRejected(
        _("This picture could not be read; it may be damaged or cut short. Try sending it again."),
        code="unreadable",
    )
