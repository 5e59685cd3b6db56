"""Large exports stream: the CSV is written while it is sent, rows read from the
database in chunks, so memory and the number of queries do not grow with the rows."""

import tracemalloc
import warnings

import pytest
from asgiref.sync import async_to_sync
from django.contrib.auth import get_user_model
from django.db import connection
from django.http import StreamingHttpResponse
from django.test import AsyncClient
from django.test.utils import CaptureQueriesContext

from classes.attendance import Mark, take_attendance
from classes.enrollment import enroll
from classes.records.exports import base, formats
from learning.roles import Role
from tests.classes.records.exports.conftest import TERM, csv_rows

ATTENDANCE = f"/records/exports/attendance.csv?{TERM}"
STUDENTS = f"/records/exports/students.csv?{TERM}"


@pytest.fixture
def grow(a_class, teacher):
    """Add students to the class, each marked present at every session so far."""
    sessions = list(a_class.sessions.started())
    students = get_user_model().objects.none()

    def add(count):
        nonlocal students
        first_new = get_user_model().objects.count()
        for number in range(count):
            student = get_user_model().objects.create_user(
                username=f"bulk{first_new}-{number}", display_name=f"طالب {first_new}-{number}"
            )
            student.add_role(Role.STUDENT)
            enroll(student, a_class)
        students = a_class.enrollments.values_list("student_id", flat=True)
        for session in sessions:
            take_attendance(session, {pk: Mark("present", 120) for pk in students}, by=teacher)
        return len(sessions) * len(students)

    return add


def peak_while_downloading(client, url):
    """Peak memory traced while the export is requested and read to the end."""
    tracemalloc.start()
    try:
        response = client.get(url)
        size = sum(len(chunk) for chunk in response.streaming_content)
        return tracemalloc.get_traced_memory()[1], size
    finally:
        tracemalloc.stop()


def test_memory_stays_flat_as_the_export_grows_tenfold(login, manager, grow, monkeypatch):
    # Small chunks, so that both exports are many chunks long: memory is then
    # bounded by a chunk, whatever the number of rows.
    monkeypatch.setattr(base, "CHUNK_SIZE", 100)
    monkeypatch.setattr(formats, "CHUNK_CHARS", 4096)
    client = login(manager)
    small_rows = grow(4)
    client.get(ATTENDANCE).getvalue()  # first request: imports and caches warm up
    small_peak, small_size = peak_while_downloading(client, ATTENDANCE)
    large_rows = grow(36)
    large_peak, large_size = peak_while_downloading(client, ATTENDANCE)
    assert large_rows == 10 * small_rows >= 1000
    assert large_size > 9 * small_size
    # Ten times the rows, under twice the memory (measured: 1.25×; reading all the
    # rows at once instead measured 3.2×).
    assert large_peak < 2 * small_peak, (small_peak, large_peak)


def test_the_xlsx_is_built_on_disk_so_memory_stays_flat(login, manager, grow, monkeypatch):
    monkeypatch.setattr(base, "CHUNK_SIZE", 100)
    client = login(manager)
    url = ATTENDANCE.replace(".csv", ".xlsx")
    grow(4)
    client.get(url).getvalue()
    small_peak, _ = peak_while_downloading(client, url)
    grow(36)
    large_peak, _ = peak_while_downloading(client, url)
    response = client.get(url)
    assert isinstance(response, StreamingHttpResponse)
    assert int(response["Content-Length"]) == len(response.getvalue())
    # Measured: 1.1× for ten times the rows.
    assert large_peak < 2 * small_peak, (small_peak, large_peak)


@pytest.mark.parametrize("url", [ATTENDANCE, STUDENTS])
def test_the_export_takes_the_same_queries_for_more_rows(login, manager, grow, url):
    client = login(manager)
    grow(2)
    with CaptureQueriesContext(connection) as few:
        response = client.get(url)
        assert isinstance(response, StreamingHttpResponse)
        few_rows = len(csv_rows(response))
    grow(10)
    with CaptureQueriesContext(connection) as many:
        many_rows = len(csv_rows(client.get(url)))
    assert many_rows > few_rows
    assert len(many.captured_queries) == len(few.captured_queries)


def test_under_asgi_the_rows_are_handed_over_one_chunk_at_a_time(manager, grow):
    """Django would read a plain iterator to its end before sending it through ASGI
    (the embedded server); the export hands it an asynchronous one instead."""
    grow(3)
    client = AsyncClient()
    client.force_login(manager)

    async def download():
        response = await client.get(ATTENDANCE)
        assert response.is_async
        return b"".join([chunk async for chunk in response.streaming_content])

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        body = async_to_sync(download)()
    assert not [w for w in caught if "must consume synchronous iterators" in str(w.message)]
    assert body.startswith(b"\xef\xbb\xbf")
    assert "طالب" in body.decode("utf-8-sig")
