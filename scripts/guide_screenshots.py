"""Take the guides' pictures (home/demo_guides/*.png) from the running demo.

Usage: .venv/bin/python scripts/guide_screenshots.py [--language=CODE ...] [SHOT ...]

Starts its own server on a free port, with its own SQLite file and media folder
(a temporary folder) and the demo loaded, signs in as the demo accounts, visits
each page and saves a small PNG: students' pictures on a phone's screen in each
language their guides are written in, teachers' and managers' on a laptop's.
Without arguments every shot is retaken; name shots to retake only those, and
languages (`--language=uk`) to take the students' shots only in those. A
page that answers 404 (a feature not built yet) is skipped with a warning.
Then `manage.py demo` on a fresh database imports them (docs/guides.md).
"""

import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from scripts.chromium import LAPTOP, launch  # noqa: E402

OUT = ROOT / "home" / "demo_guides"
MAX_BYTES = 60 * 1024
PHONE = {"viewport": {"width": 375, "height": 740}, "device_scale_factor": 1, "is_mobile": True}
LAPTOP_WIDTH = 960  # saved smaller: a guide shows it in a phone-wide column or a laptop's
# The languages the students' guides are written in: every interface language.
STUDENT_LANGUAGES = ("en", "ar", "es", "fr", "ht", "prs", "ps", "sw", "uk")

# name -> (username or None, path, CSS selector to scroll to or None[, "send": submit
# the form found by the selector and show the page that follows]). Paths may
# name the demo's things: {class_a}, {class_b}, {level_1_class}, {session},
# {submission}, {level_2}, {student}. Students' shots start with "student-".
SHOTS = {
    "student-sign-in": (None, "/accounts/login/", None),
    "student-home": ("student1", "/", None),
    "student-packet": ("student1", "/level-2/at-the-clinic/", None),
    "student-packet-cards-button": (
        "student1",
        "/level-2/at-the-clinic/",
        "a[href$='flashcards/']",
    ),
    "student-packet-save": ("student1", "/level-2/at-the-clinic/", ".save-offline"),
    "student-saved-packets": ("student1", "/offline/", None),
    "student-flashcards": ("student1", "/level-2/at-the-clinic/flashcards/", None),
    "student-photo-assignment": (
        "student3",  # in the level 1 class, and has not handed this one in
        "/level-1/the-alphabet-and-numbers/write-the-alphabet/",
        None,
    ),
    "student-photo-form": (
        "student3",  # in the level 1 class, and has not handed this one in
        "/level-1/the-alphabet-and-numbers/write-the-alphabet/",
        "#submission-form",
    ),
    "student-audio-assignment": (
        "student2",
        "/level-1/greetings-and-introductions/say-hello/",
        None,
    ),
    "student-audio-form": (
        "student2",
        "/level-1/greetings-and-introductions/say-hello/",
        "#submission-form",
    ),
    "student-class": ("student1", "/classes/{class_a}/", None),
    "student-chat": ("student1", "/classes/{class_a}/chat/", None),
    "teacher-admin-level": ("teacher1", "/admin/pages/{level_2}/", None),
    "teacher-admin-new-packet": (
        "teacher1",
        "/admin/pages/add/packets/packetpage/{level_2}/",
        None,
    ),
    "teacher-class": ("teacher1", "/classes/{class_a}/", None),
    "teacher-roll": ("teacher1", "/classes/{class_a}/sessions/{session}/attendance/", None),
    "teacher-review-queue": ("teacher1", "/classes/{class_a}/submissions/", None),
    "teacher-submission": ("teacher1", "/submissions/{submission}/", None),
    "teacher-chat": ("teacher1", "/classes/{class_a}/chat/", None),
    "teacher-breakouts": ("teacher1", "/classes/{class_a}/breakouts/", None),
    "teacher-send-packet": ("teacher1", "/classes/{class_a}/", "form[action$='send-packet/']"),
    "teacher-mailing": ("teacher1", "/classes/{class_a}/", "form[action$='send-packet/']", "send"),
    "manager-dashboard": ("manager", "/records/", None),
    "manager-level": ("manager", "/records/levels/{level_2}/", None),
    "manager-student": ("manager", "/records/students/{student}/", None),
    "manager-assessment": ("manager", "/records/students/{student}/assessments/new/", None),
    "manager-exports": ("manager", "/records/", None),
    "manager-loans": ("manager", "/loans/", None),
}


def prepare(folder):
    """Environment for a fresh demo in `folder`; migrates and loads the demo."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "learning.settings.dev",
        "DATABASE_URL": f"sqlite:///{folder}/guides.sqlite3",
        "HARBOR_MEDIA_ROOT": str(folder / "media"),
        "HARBOR_PRIVATE_MEDIA_ROOT": str(folder / "private"),
    }
    # The interface's translations (.mo files are built, not kept in git).
    commands = (["compilemessages", "--ignore", ".venv/*", "-v", "0"], ["migrate"], ["demo"])
    for command in commands:
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)
    return env


def demo_values(env):
    """The demo's ids the paths name, read from its database."""
    os.environ.update(env)
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from classes.models import Class, Session, Submission
    from packets.models import LevelPage

    class_a = Class.objects.get(name="Level 2 · Mon & Wed evening")
    past = Session.objects.filter(cohort=class_a, starts_at__lt=timezone.now())
    return {
        "class_a": class_a.pk,
        "level_1_class": Class.objects.filter(level__slug="level-1").first().pk,
        "session": past.order_by("-starts_at").first().pk,
        "submission": Submission.objects.filter(cohort=class_a).order_by("pk").first().pk,
        "level_2": LevelPage.objects.get(slug="level-2").pk,
        "student": get_user_model().objects.get(username="student1").pk,
    }


def serve(env):
    from tests.servers import free_port

    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "learning.asgi:application", "--port", str(port)]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    url = f"http://127.0.0.1:{port}"
    for _attempt in range(100):
        try:
            urllib.request.urlopen(f"{url}/healthz", timeout=1)
            return server, url
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("The demo server did not start.")


def shoot(browser, base, name, language, spec, values):
    from PIL import Image

    username, path, selector, *action = spec
    device = PHONE if name.startswith("student-") else LAPTOP
    context = browser.new_context(base_url=base, **device)
    context.add_cookies([{"name": "django_language", "value": language, "url": base}])
    page = context.new_page()
    if username:
        sign_in(page, username)
    response = page.goto(path.format(**values))
    if response.status == 404:
        print(f"  {name}: {path} answers 404, skipped", file=sys.stderr)
        context.close()
        return
    if selector and page.locator(selector).count():
        found = page.locator(selector).first
        if action == ["send"]:
            found.locator("button[type=submit]").first.click()
            page.wait_for_load_state()
        else:
            found.evaluate("element => element.scrollIntoView({block: 'start'})")
    picture = Image.open(BytesIO(page.screenshot()))
    context.close()
    suffix = "" if language == "en" else f".{language}"
    save_small(picture, OUT / f"{name}{suffix}.png")


def sign_in(page, username):
    page.goto("/accounts/login/")
    page.fill("#id_login", username)
    page.fill("#id_password", "harbor-demo")
    page.click("button[type=submit].primary")
    page.wait_for_load_state()


def save_small(picture, path):
    """A palette PNG of at most MAX_BYTES: fewer colours until it fits."""
    from PIL import Image

    if picture.width > LAPTOP_WIDTH:
        height = round(picture.height * LAPTOP_WIDTH / picture.width)
        picture = picture.resize((LAPTOP_WIDTH, height), Image.Resampling.LANCZOS)
    picture = picture.convert("RGB")
    for colours in (64, 32, 16, 8):
        buffer = BytesIO()
        picture.quantize(colours, dither=Image.Dither.NONE).save(buffer, "PNG", optimize=True)
        if buffer.tell() <= MAX_BYTES:
            break
    path.write_bytes(buffer.getvalue())
    print(f"  {path.name}: {buffer.tell() // 1024} KB, {colours} colours")


def main(arguments):
    from playwright.sync_api import sync_playwright

    chosen = [a.removeprefix("--language=") for a in arguments if a.startswith("--language=")]
    unknown = set(chosen) - set(STUDENT_LANGUAGES)
    if unknown:
        raise SystemExit(f"No students' guides in {', '.join(sorted(unknown))}.")
    wanted = [a for a in arguments if not a.startswith("--")] or list(SHOTS)
    with tempfile.TemporaryDirectory() as folder:
        env = prepare(Path(folder))
        values = demo_values(env)
        server, base = serve(env)
        try:
            with sync_playwright() as playwright:
                browser = launch(playwright)
                for name in wanted:
                    if name.startswith("student-"):
                        languages = chosen or STUDENT_LANGUAGES
                    else:
                        languages = () if chosen else ("en",)
                    for language in languages:
                        shoot(browser, base, name, language, SHOTS[name], values)
                browser.close()
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main(sys.argv[1:])
