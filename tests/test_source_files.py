"""No source file over 400 lines (issue 17): a file that long holds more than
one idea. Every part of the tree counts: the apps, templates, tests, bench,
scripts, deploy. Migrations are generated, so they do not."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = {".py", ".html", ".js", ".css", ".sh", ".conf"}
NOT_OURS = {".venv", ".git", "node_modules", "media", "private-media", "staticfiles", "build"}
MOST_LINES = 400


def source_files():
    for folder, subfolders, names in os.walk(ROOT):
        subfolders[:] = [name for name in subfolders if name not in NOT_OURS | {"migrations"}]
        yield from (Path(folder, name) for name in names if Path(name).suffix in SOURCE)


def test_the_check_reads_every_part_of_the_tree():
    read = {path.relative_to(ROOT).parts[0] for path in source_files()}
    assert {"classes", "learning", "packets", "home", "templates", "tests", "bench"} <= read


def test_no_source_file_is_over_400_lines():
    too_long = {
        str(path.relative_to(ROOT)): lines
        for path in source_files()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES
    }
    assert too_long == {}
