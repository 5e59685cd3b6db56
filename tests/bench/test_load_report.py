"""The mixed-load benchmark's accounting (bench/load.py, bench/_load_students.py):
what it counts as an error and what it prints, on made-up results."""

from bench._load_students import chat_results
from bench.load import report, summarize


def results(**overrides):
    made = {
        "read": [10.0, 20.0, 30.0, 40.0],
        "hand-in": [50.0],
        "chat": [1.0, 2.0, 3.0],
        "errors": [],
        "messages": 1,
        "expected": 3,
    }
    return {**made, **overrides}


def test_requests_per_second_counts_page_reads_and_hand_ins_not_chat_deliveries():
    summary = summarize(results(), seconds=5)
    assert summary["requests/s"] == 1.0
    assert summary["deliveries/s"] == 0.6
    assert summary["read"] == (4, 30.0, 40.0)


def test_a_chat_delivery_that_never_came_is_an_error():
    state = {"delays": [5.0, 6.0], "sent": {"a": 0.0}, "expected": 3, "errors": []}
    assert chat_results(state)["errors"] == ["chat: 1 deliveries missing"]
    state["delays"].append(7.0)
    assert chat_results(state)["errors"] == []


def test_the_report_prints_each_kind_of_error_with_its_count(capsys):
    errors = ["read /level-2/: HTTP 502"] * 3 + ["hand-in: HTTP 403 b'CSRF'"]
    report("scaled", summarize(results(errors=errors), seconds=1))
    printed = capsys.readouterr().out
    assert "errors: 4" in printed
    assert "3 x read /level-2/: HTTP 502" in printed
    assert "1 x hand-in: HTTP 403 b'CSRF'" in printed
    assert "chat: 1 messages sent, 3/3 deliveries" in printed
