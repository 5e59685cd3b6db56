"""Tests and gains in the records dashboard: post-tested students and measurable
skill gains among participants (the rules themselves: classes/records/gains.py)."""

from classes.attendance import is_participant
from classes.records import gains


def add_tests(result, data, members):
    for student_id in members:
        tests = data.tests.get(student_id, gains.NO_TESTS)
        if tests.post_tested:
            result.post_tested += 1
            if tests.gain and is_participant(result.hours_by_student[student_id]):
                result.gains += 1
