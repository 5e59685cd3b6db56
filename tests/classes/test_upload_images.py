"""Photos of paper work: what students send from phones, and what gets stored."""

import io

import pillow_heif
import pytest
from django.test import override_settings
from PIL import Image, PngImagePlugin

from classes.uploads.errors import UploadRejected
from classes.uploads.images import MAX_SIDE, process_photo
from classes.uploads.storage import private_storage
from tests.classes import corpus


def opened(processed):
    return Image.open(io.BytesIO(processed.content))


def rejection_code(content, name="photo.jpg"):
    with pytest.raises(UploadRejected) as rejected:
        process_photo(corpus.upload(content, name, "image/jpeg"))
    return rejected.value.code


def test_phone_photo_loses_gps_exif_icc_and_xmp():
    original = corpus.phone_jpeg()
    source = Image.open(io.BytesIO(original))
    assert source.getexif().get_ifd(corpus.GPS_IFD)  # the corpus really carries GPS
    assert source.info.get("icc_profile") and source.info.get("xmp")

    processed = process_photo(corpus.upload(original, "IMG_0001.jpg", "image/jpeg"))

    stored = opened(processed)
    assert stored.format == "JPEG"
    assert not stored.getexif()
    assert not {"exif", "icc_profile", "xmp"} & stored.info.keys()
    # Only the JFIF header (APP0), quantization/Huffman tables and frame: no
    # APP1 (EXIF, XMP) or APP2 (ICC) segment at all.
    assert set(corpus.jpeg_segments(processed.content)) <= {
        0xE0, 0xDB, 0xC4, 0xC0, 0xC2,
    }  # fmt: skip
    assert b"Exif" not in processed.content and b"adobe:ns:meta" not in processed.content


def test_phone_photo_is_turned_upright_from_its_orientation_tag():
    # Orientation 6: the camera was held upright, the sensor wrote it sideways.
    processed = process_photo(corpus.upload(corpus.phone_jpeg((400, 300)), "a.jpg"))

    stored = opened(processed)
    assert (processed.width, processed.height) == stored.size == (300, 400)
    red, green, blue = stored.getpixel((stored.width - 5, 5))
    assert blue > 200 and red < 60  # the marked corner is now top right
    red, green, blue = stored.getpixel((5, 5))
    assert red > 200 and blue < 60


def test_large_photo_is_shrunk_to_a_phone_friendly_size():
    big = corpus.encoded(corpus.marked_picture((3200, 2400)), "JPEG", quality=95)

    processed = process_photo(corpus.upload(big, "scan.jpg"))

    assert (processed.width, processed.height) == (MAX_SIDE, 1200)
    assert len(processed.content) < len(big)


def test_heic_from_an_iphone_is_accepted_and_stored_as_jpeg():
    photo = corpus.heic(corpus.marked_picture((320, 240)))
    assert photo[4:12] == b"ftypheic"

    processed = process_photo(corpus.upload(photo, "IMG_0002.HEIC", "image/heic"))

    stored = opened(processed)
    assert stored.format == "JPEG" and stored.size == (320, 240)
    assert processed.content_type == "image/jpeg" and processed.extension == ".jpg"


def test_portrait_heic_with_gps_is_upright_unsquashed_and_without_exif():
    photo = corpus.heic(corpus.marked_picture((400, 300)), exif=corpus.gps_exif(6))
    assert pillow_heif.open_heif(io.BytesIO(photo)).info["exif"]  # GPS really in the file

    processed = process_photo(corpus.upload(photo, "IMG_0003.HEIC", "image/heic"))

    stored = opened(processed)
    assert stored.size == (300, 400)
    red, green, blue = stored.getpixel((stored.width - 5, 5))
    assert blue > 200 and red < 60  # the marked corner, not a squashed smear
    assert not stored.getexif() and b"Exif" not in processed.content


@pytest.mark.parametrize("image_format", ["PNG", "WEBP"])
def test_png_and_webp_are_accepted_and_stored_as_jpeg(image_format):
    picture = corpus.encoded(corpus.marked_picture((200, 100)), image_format)

    processed = process_photo(corpus.upload(picture, "worksheet.bin"))

    assert opened(processed).format == "JPEG" and opened(processed).size == (200, 100)


def test_transparent_png_becomes_white_paper_not_black():
    transparent = Image.new("RGBA", (50, 50), (0, 0, 0, 0))

    processed = process_photo(corpus.upload(corpus.encoded(transparent, "PNG"), "a.png"))

    assert all(channel > 240 for channel in opened(processed).getpixel((25, 25)))


def test_16_bit_grayscale_scan_keeps_its_greys():
    scan = corpus.encoded(Image.new("I;16", (60, 40), 0x8000), "PNG")

    processed = process_photo(corpus.upload(scan, "scan.png"))

    assert opened(processed).getpixel((30, 20)) == pytest.approx((128, 128, 128), abs=2)


def test_png_declaring_20000_by_20000_pixels_is_refused_without_decoding(monkeypatch):
    bomb = corpus.png_header(20_000, 20_000)
    assert len(bomb) < 100

    def decode(image):
        raise AssertionError("the pixels were decoded")

    monkeypatch.setattr(PngImagePlugin.PngImageFile, "load", decode)

    assert rejection_code(bomb, "bomb.png") == "too_many_pixels"


def test_picture_over_the_pixel_setting_is_refused_with_the_limit_in_the_message():
    picture = corpus.encoded(Image.new("RGB", (200, 200)), "PNG")

    with override_settings(HARBOR_UPLOAD_MAX_IMAGE_PIXELS=10_000):
        with pytest.raises(UploadRejected) as rejected:
            process_photo(corpus.upload(picture, "a.png"))

    assert rejected.value.code == "too_many_pixels"
    assert "0.01 megapixels" in rejected.value.messages[0]


def test_pillow_decompression_bomb_warning_is_a_refusal(monkeypatch):
    # Between Pillow's limit and twice it, Pillow only warns; Harbor refuses.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1_000)
    picture = corpus.encoded(Image.new("RGB", (40, 40)), "PNG")

    assert rejection_code(picture, "a.png") == "too_many_pixels"


DISGUISES = {
    "html": b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
    "svg": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "tiff": corpus.encoded(Image.new("RGB", (10, 10)), "TIFF"),
    "eps": corpus.encoded(Image.new("RGB", (10, 10)), "EPS"),
    "gif": corpus.encoded(Image.new("RGB", (10, 10)), "GIF"),
    "bmp": corpus.encoded(Image.new("RGB", (10, 10)), "BMP"),
}


@pytest.mark.parametrize("kind", DISGUISES)
def test_file_named_jpg_holding_something_else_is_refused(kind):
    assert rejection_code(DISGUISES[kind], "homework.jpg") == "wrong_type"


def test_wrong_type_message_names_the_accepted_formats():
    with pytest.raises(UploadRejected) as rejected:
        process_photo(corpus.upload(DISGUISES["html"], "homework.jpg", "image/jpeg"))

    assert "JPEG, PNG, WebP or HEIC" in rejected.value.messages[0]


def test_oversized_photo_is_refused_with_its_size_and_the_limit():
    photo = corpus.phone_jpeg((400, 300)) + b"\x00" * 4000

    with override_settings(HARBOR_UPLOAD_MAX_IMAGE_BYTES=2048):
        with pytest.raises(UploadRejected) as rejected:
            process_photo(corpus.upload(photo, "a.jpg"))

    assert rejected.value.code == "too_large"
    assert "2.0\xa0KB" in rejected.value.messages[0]


def test_oversized_stream_without_a_declared_size_is_refused_too():
    with override_settings(HARBOR_UPLOAD_MAX_IMAGE_BYTES=2048):
        with pytest.raises(UploadRejected) as rejected:
            process_photo(io.BytesIO(b"\xff\xd8" + b"\x00" * 5000))

    assert rejected.value.code == "too_large"


def test_photo_cut_short_is_refused_as_unreadable():
    photo = corpus.encoded(corpus.marked_picture((400, 300)), "JPEG")

    assert rejection_code(photo[: len(photo) // 2]) == "unreadable"


def test_empty_file_is_refused():
    assert rejection_code(b"") == "empty"


def test_multi_picture_jpeg_from_some_phones_is_accepted():
    first, second = corpus.marked_picture((300, 200)), Image.new("RGB", (300, 200))
    mpo = corpus.encoded(first, "MPO", save_all=True, append_images=[second])
    assert Image.open(io.BytesIO(mpo)).format == "MPO"

    processed = process_photo(corpus.upload(mpo, "20261123_101500.jpg"))

    assert opened(processed).size == (300, 200)


def test_processed_photo_is_stored_privately_under_a_random_name():
    processed = process_photo(corpus.upload(corpus.phone_jpeg(), "Amina home address.jpg"))

    name = private_storage().save(None, processed.as_file())

    assert "Amina" not in name and name.endswith(".jpg")
    with private_storage().open(name) as stored:
        assert stored.read() == processed.content
