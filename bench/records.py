"""The records dashboard over a year of a 2,000-student program.

Builds, in a throwaway database, six levels with 14 classes each (about 24
students a class, 2,000 students), a year of twice-weekly sessions (about
200,000 attendance rows), a year of assignments with handed-in work, feedback,
flashcard practice and pre-/post-tests, all with bulk_create. Then times the
dashboard (`/records/`) as a manager through Django's test client, over the
year, a program year (July to June) and one term, the NRS tables of that program
year (`/records/nrs/`), and the level and class pages, counting SQL queries.

    .venv/bin/python bench/run.py records                      # SQLite (a file under build/bench/)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python bench/run.py records

On PostgreSQL it creates and drops its own database, `harbor_records_bench`; the
database named in DATABASE_URL is only used to connect. With KEEP=1 the
database is kept and reused by the next KEEP=1 run (to time changes quickly).

Then it times the attendance export of the year (all classes, CSV and XLSX),
read to its end through the test client, with the memory it took (resident
high-water mark and tracemalloc's peak). EXPORT_RUNS=n sets its timed runs (3),
EXPORTS_ONLY=1 skips the pages, PROFILE=1 prints a cProfile of each export.

The program itself is built in bench/_records_program.py.
"""

import os
import random
import statistics
import time as clock
from datetime import date
from functools import partial
from pathlib import Path

from bench._records_program import TERM, YEAR, analyze, build_program, built_program

RUNS = 5
# The federal program year inside the bench's year: the dashboard's figures (with
# proxy hours) and the NRS tables (periods of participation, proxy hours) over it.
PROGRAM_YEAR = (date(2025, 7, 1), date(2026, 6, 30))
EXPORT_RUNS = int(os.environ.get("EXPORT_RUNS", 3))  # each reads the year's 200,000 rows
BENCH_DATABASE = "harbor_records_bench"  # not harbor_bench: bench/chat_fanout.py drops that one


def main():
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import override_settings, setup_test_environment

    setup_test_environment(debug=False)  # as in production: no query log, no template debug
    # Static URLs without a collected manifest (nothing is collected for a benchmark).
    static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    with override_settings(STORAGES={**settings.STORAGES, "staticfiles": static}):
        run(connection)


def run(connection):
    test_settings = connection.settings_dict.setdefault("TEST", {})
    if connection.vendor == "sqlite":
        folder = Path(__file__).resolve().parent.parent / "build" / "bench"
        folder.mkdir(parents=True, exist_ok=True)
        test_settings["NAME"] = str(folder / "records.sqlite3")
    else:
        test_settings["NAME"] = BENCH_DATABASE
    keep = bool(os.environ.get("KEEP"))
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=keep)
    try:
        started = clock.perf_counter()
        program = built_program() if keep else None
        if program is None:
            program = build_program(random.Random(2026))
            analyze(connection)
        seconds = clock.perf_counter() - started
        print(f"{connection.vendor}: built in {seconds:.0f} s: {program['summary']}")
        if not os.environ.get("EXPORTS_ONLY"):
            time_pages(program)
        time_exports(program)
    finally:
        if not keep:
            connection.creation.destroy_test_db(old_name, verbosity=0)


# ---------------------------------------------------------------- timing


def time_pages(program):
    from django.test import Client

    client = Client()
    client.force_login(program["manager"])
    year = f"?start={YEAR[0]}&end={YEAR[1]}"
    term = f"?start={TERM[0]}&end={TERM[1]}"
    level, class_ = program["levels"][2], program["classes"][30]
    program_year = f"?start={PROGRAM_YEAR[0]}&end={PROGRAM_YEAR[1]}"
    pages = [
        ("dashboard, the year", f"/records/{year}"),
        ("dashboard, the program year (July to June)", f"/records/{program_year}"),
        ("NRS tables, the program year", f"/records/nrs/?year={PROGRAM_YEAR[0].year}"),
        ("dashboard, one term", f"/records/{term}"),
        ("a level's classes, the year", f"/records/levels/{level.pk}/{year}"),
        ("a class's students, the year", f"/records/classes/{class_.pk}/{year}"),
    ]
    for label, url in pages:
        report(label, *timed_gets(client, url))


def timed_gets(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm: templates compiled, caches filled
    times, queries = [], set()
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as captured:
            started = clock.perf_counter()
            response = client.get(url)
            times.append(clock.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
        queries.add(len(captured))
    return times, queries, len(response.content)


def report(label, times, queries, size):
    ms = [t * 1000 for t in times]
    print(
        f"{label}: median {statistics.median(ms):.0f} ms, min {min(ms):.0f} ms "
        f"({RUNS} runs), SQL queries {sorted(queries)}, HTML {size / 1024:.0f} KiB"
    )


def time_exports(program):
    """The attendance export over the year, all classes, as a manager: the
    response read to its end, as a browser saving the file would. Timed runs
    without tracing, each with the process's resident high-water mark reset
    first; then one run under tracemalloc (Python's peak allocation), to show
    that memory does not grow with the rows. PROFILE=1 prints where time goes."""
    from django.test import Client

    if EXPORT_RUNS < 1:  # EXPORT_RUNS=0: the pages only
        return
    client = Client()
    client.force_login(program["manager"])
    for fmt in ("csv", "xlsx"):
        time_export(partial(download, client, f"/records/exports/attendance.{fmt}?{year()}"), fmt)


def year():
    return f"start={YEAR[0]}&end={YEAR[1]}"


def time_export(get, fmt):
    get()  # warm
    times, growth = [], []
    for _ in range(EXPORT_RUNS):
        before = reset_peak_rss()
        started = clock.perf_counter()
        size, lines = get()
        times.append(clock.perf_counter() - started)
        growth.append(rss("VmHWM") - before)
    rows = exported_rows()
    if fmt == "csv":
        assert lines == rows + 1, (lines, rows)  # the header, then one line a row
    traced = traced_peak(get)
    median = statistics.median(times)
    print(
        f"attendance export, the year, {fmt.upper()}: median {median:.1f} s, "
        f"min {min(times):.1f} s ({EXPORT_RUNS} runs), {rows} rows, {size / 2**20:.1f} MiB, "
        f"{rows / median:,.0f} rows/s; Python peak {traced / 2**20:.1f} MiB, "
        f"RSS growth {max(growth) / 2**20:.1f} MiB"
    )
    if os.environ.get("PROFILE"):
        profile(get)


def download(client, url):
    """Bytes and lines of the response, read chunk by chunk (never held whole)."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    size = lines = 0
    for chunk in response.streaming_content:
        size += len(chunk)
        lines += chunk.count(b"\n")
    return size, lines


def exported_rows():
    """The rows the last export counted, as written to the access audit."""
    from classes.models import AccessAuditEntry

    return AccessAuditEntry.objects.order_by("-pk").values_list("row_count", flat=True)[0]


def traced_peak(action):
    """Peak Python allocation traced during action() (tracing slows it: not timed)."""
    import tracemalloc

    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def reset_peak_rss():
    """The resident size now, with the high-water mark (VmHWM) reset to it: what
    a run adds to the high-water mark is then the most memory it took."""
    import gc

    gc.collect()
    with open("/proc/self/clear_refs", "w") as file:
        file.write("5")  # Linux: 5 resets VmHWM
    return rss("VmRSS")


def rss(field):
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    return 0


def profile(action, lines=18):
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(action)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(lines)
