"""A one-sheet XLSX written directly as XML into a zip, for large exports.

openpyxl (without lxml, which Harbor does not install) builds an object and an
XML element for every cell: the year's attendance of a program (200,000 rows,
3.2 million cells) took over a minute, past the server's request timeout. Here
each row is one string: the same workbook took a few seconds.

What is written is the smallest workbook spreadsheet programs and openpyxl read:
inline strings (no shared-string table, which would hold every text in memory),
a bold frozen header, dates as date-formatted serial numbers, and column widths
that fit the header and the first rows (a date column too narrow shows `###`).
The sheet is compressed into the zip as it is written, so memory does not grow
with the rows: only the first WIDTH_SAMPLE rows are held, to measure the widths,
which the format wants before the first row.
"""

import zipfile
from datetime import date
from itertools import chain, islice
from xml.sax.saxutils import escape, quoteattr

# Cell styles (indexes into cellXfs of STYLES): plain, the bold header, a date.
HEADER, DATE = 1, 2
# Excel's day 0 (its serial numbers count days from here, 1900 leap-year bug included).
EPOCH = date(1899, 12, 30)
# Characters of XML written to the zip at a time.
BATCH_CHARS = 64 * 1024
# Rows read ahead to measure the column widths; later rows rarely differ much.
WIDTH_SAMPLE = 500
# Widths in characters: a little room beside the text (and the bold header), and no
# column so wide that a long feedback comment pushes the others off the screen.
WIDTH_PADDING, MIN_WIDTH, MAX_WIDTH = 2, 6, 60
# Characters a date cell shows (yyyy-mm-dd).
DATE_CHARS = 10

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
OFFICE = "application/vnd.openxmlformats-officedocument"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

CONTENT_TYPES = f"""{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/workbook.xml" ContentType="{OFFICE}.spreadsheetml.sheet.main+xml"/>\
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{OFFICE}.spreadsheetml.worksheet+xml"/>\
<Override PartName="/xl/styles.xml" ContentType="{OFFICE}.spreadsheetml.styles+xml"/>\
</Types>"""

PACKAGE_RELS = f"""{HEAD}<Relationships xmlns="{RELS}">\
<Relationship Id="rId1" Type="{DOC_RELS}/officeDocument" Target="xl/workbook.xml"/>\
</Relationships>"""

WORKBOOK_RELS = f"""{HEAD}<Relationships xmlns="{RELS}">\
<Relationship Id="rId1" Type="{DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/>\
<Relationship Id="rId2" Type="{DOC_RELS}/styles" Target="styles.xml"/>\
</Relationships>"""

STYLES = f"""{HEAD}<styleSheet xmlns="{MAIN}">\
<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>\
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>\
<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill>\
<fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
</styleSheet>"""

SHEET_START = f"""{HEAD}<worksheet xmlns="{MAIN}"><sheetViews><sheetView workbookViewId="0">\
<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"""
SHEET_END = "</sheetData></worksheet>"


def shown_length(value):
    """How many characters a cell shows (the longest line of a text)."""
    if value is None:
        return 0
    if isinstance(value, str):
        return max(map(len, value.splitlines()), default=0)
    if isinstance(value, date):
        return DATE_CHARS
    return len(str(value))


def column_widths(columns, sample):
    widths = [len(name) for name in columns]
    for row in sample:
        for index, value in enumerate(row[: len(widths)]):
            widths[index] = max(widths[index], shown_length(value))
    return [min(max(width + WIDTH_PADDING, MIN_WIDTH), MAX_WIDTH) for width in widths]


def cols_xml(widths):
    cols = "".join(
        f'<col min="{number}" max="{number}" width="{width}" customWidth="1"/>'
        for number, width in enumerate(widths, start=1)
    )
    return f"<cols>{cols}</cols>" if cols else ""


def workbook_xml(title):
    return (
        f'{HEAD}<workbook xmlns="{MAIN}" xmlns:r="{DOC_RELS}"><sheets>'
        f'<sheet name={quoteattr(title)} sheetId="1" r:id="rId1"/></sheets></workbook>'
    )


def text_cell(text, style=""):
    """Text as an inline string; spaces at either end kept (XML would drop them)."""
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f'<c t="inlineStr"{style}><is><t{space}>{escape(text)}</t></is></c>'


def cell(value):
    """One cell. `value` is what formats.xlsx_value makes: None, a number, a date
    (not a datetime) or text already cleaned of characters XML cannot carry."""
    if isinstance(value, str):
        return text_cell(value)
    if value is None:
        return "<c/>"  # kept, so that the cells after it stay in their columns
    if isinstance(value, date):
        return f'<c s="{DATE}"><v>{(value - EPOCH).days}</v></c>'
    return f"<c><v>{value}</v></c>"  # int, float or Decimal: str() writes them as XML wants


def write(file, title, columns, rows):
    """Write the workbook to `file` (open for binary writing). `rows` are lists of
    values as formats.xlsx_value makes them; `title` at most 31 characters."""
    with zipfile.ZipFile(file, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("xl/workbook.xml", workbook_xml(title))
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/styles.xml", STYLES)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            for text in sheet_xml(columns, rows):
                sheet.write(text.encode("utf-8"))


def sheet_xml(columns, rows):
    """The sheet's XML in pieces of about BATCH_CHARS characters."""
    rows = iter(rows)
    sample = list(islice(rows, WIDTH_SAMPLE))
    header = "".join(text_cell(name, f' s="{HEADER}"') for name in columns)
    start = f"{SHEET_START}{cols_xml(column_widths(columns, sample))}<sheetData>"
    batch, size = [start, f'<row r="1">{header}</row>'], 0
    for number, row in enumerate(chain(sample, rows), start=2):
        line = f'<row r="{number}">{"".join([cell(value) for value in row])}</row>'
        batch.append(line)
        size += len(line)
        if size >= BATCH_CHARS:
            yield "".join(batch)
            batch, size = [], 0
    batch.append(SHEET_END)
    yield "".join(batch)
