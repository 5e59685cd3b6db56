"""A student's data rights (UNHCR and GDPR practice): everything Harbor holds
about one student, exported; a student erased, with only the anonymous counts
funder reports need kept; chat kept no longer than the program's period.

registry.py states, for every model that refers to a person, what export and
erasure do with it (tests/classes/test_data_rights.py fails on a model in
neither); export.py, erase.py and retention.py carry it out."""
