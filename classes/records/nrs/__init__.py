"""NRS tables for a program year, computed from periods of participation
(classes/records/periods.py), test results and intake (docs/records.md, "NRS tables")."""
