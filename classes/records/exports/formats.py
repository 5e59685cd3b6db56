"""Writing export rows as CSV or XLSX without holding them all in memory.

Rows arrive as lists of plain values (text, numbers, dates, aware datetimes, None)
from a generator; the same rows make both formats, so a CSV and an XLSX of the same
export and filters carry the same values.

- CSV is produced row by row while the response is sent (UTF-8 with a byte-order
  mark, so spreadsheet programs show Arabic, Dari and Pashto names correctly).
- XLSX is a zip that can only be written whole: the sheet is compressed into a
  temporary file on disk as its rows are read (`xlsx`), then that file is sent in blocks. Memory
  stays flat in the number of rows; the disk holds the file until it is sent.
"""

import csv
import re
import tempfile
from datetime import date, datetime
from decimal import Decimal

from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIRequest
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header

from classes.records.exports import xlsx

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Characters sent per chunk of a streamed response: few writes, little memory.
CHUNK_CHARS = 64 * 1024
FILE_BLOCK = 64 * 1024
# openpyxl refuses control characters that XML 1.0 cannot carry.
XML_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


def safe_cell(text):
    """Text a spreadsheet would run as a formula gets a leading apostrophe."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


def program_time(value: datetime) -> datetime:
    """An aware datetime in the program's time zone (settings.TIME_ZONE: Harbor never
    activates another). Not timezone.localtime, whose look-up of the active zone in
    a context-local cost more than the rest of an attendance row."""
    return value.astimezone(timezone.get_default_timezone())


def as_text(value):
    """How a value is written in the CSV (and as XLSX text). Text and numbers, the
    most frequent, are tested first: this runs for every cell."""
    if isinstance(value, str):
        return safe_cell(value)
    if isinstance(value, int):
        return str(value)
    if value is None:
        return ""
    if isinstance(value, datetime):
        return program_time(value).isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def csv_values(row):
    """The cells as as_text writes them. Only text and datetimes are converted here:
    csv.writer itself writes None as nothing and numbers and dates as as_text would,
    and a call per cell was most of the CSV's time."""
    return [as_text(value) if isinstance(value, str | datetime) else value for value in row]


class _Echo:
    """csv.writer writes into this and gets the line back (nothing is buffered)."""

    def write(self, line):
        return line


def csv_chunks(columns, rows):
    """The CSV as byte chunks: the BOM and header first, then rows in batches."""
    writer = csv.writer(_Echo())
    batch, size = ["\ufeff", writer.writerow(columns)], 0
    for row in rows:
        line = writer.writerow(csv_values(row))
        batch.append(line)
        size += len(line)
        if size >= CHUNK_CHARS:
            yield "".join(batch).encode("utf-8")
            batch, size = [], 0
    yield "".join(batch).encode("utf-8")


def xlsx_value(value):
    """Numbers and dates stay numbers and dates (sortable, summable); everything
    else is text, guarded against formulas like the CSV."""
    if value is None:
        return None
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return value
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    # Excel has no time zones: an aware datetime is written as ISO text with its offset.
    return XML_ILLEGAL.sub("", as_text(value))


def xlsx_file(title, columns, rows):
    """The workbook in an unnamed temporary file (removed when closed), at its start."""
    values = ([xlsx_value(value) for value in row] for row in rows)
    file = tempfile.TemporaryFile()
    try:
        xlsx.write(file, title[:31], columns, values)
    except BaseException:
        file.close()
        raise
    file.seek(0)
    return file


def file_blocks(file):
    try:
        while block := file.read(FILE_BLOCK):
            yield block
    finally:
        file.close()


def streamed(request, chunks):
    """Django serves a plain iterator through ASGI (the embedded server) by reading
    it to the end first; there, hand it over one chunk at a time instead. Each chunk
    is made in the same worker thread, where the database cursor lives."""
    if not isinstance(request, ASGIRequest):
        return chunks
    return _one_by_one(chunks)


async def _one_by_one(chunks):
    take = sync_to_async(next, thread_sensitive=True)
    try:
        while (chunk := await take(chunks, None)) is not None:
            yield chunk
    finally:
        await sync_to_async(chunks.close, thread_sensitive=True)()


def attachment(request, chunks, *, content_type, filename, length=None):
    response = StreamingHttpResponse(streamed(request, chunks), content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    if length is not None:
        response["Content-Length"] = str(length)
    return response


def csv_response(request, columns, rows, filename):
    return attachment(request, csv_chunks(columns, rows), content_type=CSV_TYPE, filename=filename)


def xlsx_response(request, title, columns, rows, filename):
    file = xlsx_file(title, columns, rows)
    length = file.seek(0, 2)
    file.seek(0)
    return attachment(
        request, file_blocks(file), content_type=XLSX_TYPE, filename=filename, length=length
    )
