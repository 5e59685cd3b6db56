"""Progress records for managers and teachers: the dashboard per level, a student's
record, standardized exports and the audit of who opened them.

- `filters.RecordsFilterForm`: the period, level and class a page or export covers,
  read from the query string with clear messages for bad input.
- `audit.record_access(...)`: the entry every record view and export writes.
- `access`: whose records a user may read (managers all, teachers their classes).
- `assessments.record_assessment(...)`: a standardized test result, checked.
- `gains`: entering level and measurable skill gain, plain functions.
- `figures`: the dashboard's figures per level, class or student in a fixed number
  of queries (definitions in docs/records.md, "Dashboard figures").
- `charts` and `trends`: weekly charts drawn as inline SVG, with their data tables.
- `tables`: the figures formatted as table rows; `students`: a student's record.
"""
