"""Take the README's screenshots from a running `make run` server (demo data).

Usage: .venv/bin/python scripts/screenshots.py [http://127.0.0.1:8000]
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts.chromium import LAPTOP, launch  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 1, "is_mobile": True}
# name, username, path ("{class}" is the user's first class), device, language
SHOTS = [
    ("student-home", "student1", "/", PHONE, "ar"),
    ("student-packet", "student1", "/level-2/at-the-clinic/", PHONE, "ar"),
    ("student-chat", "student1", "{class}chat/", PHONE, "en"),
    ("teacher-home", "teacher1", "/", LAPTOP, "en"),
    ("teacher-class", "teacher1", "{class}", LAPTOP, "en"),
]


def shoot(browser, base, name, username, path, device, language):
    context = browser.new_context(base_url=base, **device)
    context.add_cookies([{"name": "django_language", "value": language, "url": base}])
    page = context.new_page()
    page.goto("/accounts/login/")
    page.fill("#id_login", username)
    page.fill("#id_password", "harbor-demo")
    page.click("button[type=submit].primary")
    if "{class}" in path:
        page.goto("/classes/")
        first = page.locator("main a[href^='/classes/']").filter(has_text=" ").first
        href = first.get_attribute("href")
        path = path.replace("{class}", href)
    page.goto(path)
    page.screenshot(path=OUT / f"{name}.png", full_page=True)
    context.close()


def main(base):
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for shot in SHOTS:
            shoot(browser, base, *shot)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
