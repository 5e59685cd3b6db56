"""Harbor installs on a phone's home screen: a favicon, and a manifest whose
icons exist."""

import io
import json

from PIL import Image


def test_the_favicon_is_an_icon_and_cached(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert "max-age=604800" in response["Cache-Control"]


def test_the_manifest_names_harbor_and_its_icons_are_there(client, db):
    manifest = json.loads(client.get("/manifest.webmanifest").content)
    assert manifest["name"] == "Harbor" and manifest["start_url"] == "/"
    for icon in manifest["icons"]:
        picture = client.get(icon["src"])
        assert picture.status_code == 200
        with Image.open(io.BytesIO(b"".join(picture.streaming_content))) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"]


def test_every_page_links_them(client, db):
    html = client.get("/accounts/login/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert '<link rel="icon" href="/favicon.ico"' in html
