"""The demo's guides (/help/): what each one says. The students' guides are in
every interface language (students/: the structure once, a module per
language); the teachers' and managers' in English (staff.py). Each step names
its picture: a screenshot of the running demo in this folder, `<shot>.png`
(English) or `<shot>.<language>.png`, taken by scripts/guide_screenshots.py.
The screenshots' list (who, where, which device) is in that script."""

from pathlib import Path

from home.demo_guides.students import LANGUAGES, STUDENT_GUIDES

FOLDER = Path(__file__).resolve().parent
# The languages the students' guides are translated into from English.
TRANSLATED = tuple(code for code in LANGUAGES if code != "en")

__all__ = ["FOLDER", "STUDENT_GUIDES", "TRANSLATED"]
