"""Progress records for managers and teachers: the dashboard per level, a student's
record, standardized exports and the audit of who opened them.

- `filters.RecordsFilter`: the period, level and class a page or export covers,
  read from the query string with clear messages for bad input.
- `audit.record_access(...)`: the entry every record view and export writes.
"""
