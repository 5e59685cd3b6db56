"""Standardized exports of students' records, as CSV and XLSX, for funders and
reporting: `/records/exports/<name>.csv` and `.xlsx`, filtered by period, level and
class. Formats are documented in docs/records.md and stay stable.

- `scope`: what an export covers (the viewer's classes, the filters, the period).
- `students`, `attendance`, `submissions`, `assessments`, `nrs_table`: each export's
  columns and the query its rows come from.
- `learners`: contact hours, entering level and measurable skill gain in SQL.
- `formats`: CSV streamed as it is written, XLSX built in a temporary file.
- `views`: the download view; every export writes an audit entry before it starts.
"""
