"""The Lighthouse benchmark's reading of a report (bench/_lighthouse_report.py),
on a real report of the demo packet page trimmed to the audits used here."""

import copy
import json
from pathlib import Path

import pytest

from bench._lighthouse_report import (
    END,
    START,
    advice,
    budgets,
    format_table,
    lost_points,
    markdown_section,
    median_run,
    replace_section,
    summarize,
)

REPORT = json.loads((Path(__file__).parent / "lighthouse-packet.json").read_text())
URL = "/level-2/at-the-clinic/"


@pytest.fixture
def report():
    return copy.deepcopy(REPORT)


def requests(report):
    return report["audits"]["network-requests"]["details"]["items"]


def test_first_render_is_the_document_and_its_style_sheets_as_sent(report):
    first_render, script = budgets(report)
    assert first_render == 3718 + 2172
    assert script == 3048


def test_the_service_workers_own_requests_are_not_the_pages(report):
    worker_script = {"url": "/sw.js", "resourceType": "Script", "transferSize": 2000}
    requests(report).append({**worker_script, "sessionTargetType": "worker"})
    assert budgets(report) == (3718 + 2172, 3048)


def test_a_second_document_such_as_a_frame_is_not_the_first_render(report):
    requests(report).append({"url": "/frame/", "resourceType": "Document", "transferSize": 9000})
    assert budgets(report)[0] == 3718 + 2172


def test_summary_has_the_scores_out_of_100_and_the_bytes(report):
    summary = summarize("packet", URL, [report])
    assert summary["scores"] == {"performance": 96, "accessibility": 100, "best-practices": 100}
    assert summary["transferred"] == round(report["audits"]["total-byte-weight"]["numericValue"])


def test_a_page_is_summed_up_by_its_median_run_with_the_range_of_the_others(report):
    runs = []
    for score in (0.91, 0.99, 0.96):
        run = copy.deepcopy(report)
        run["categories"]["performance"]["score"] = score
        runs.append(run)
    assert median_run(runs) is runs[2]
    summary = summarize("packet", URL, runs)
    assert summary["scores"]["performance"] == 96
    assert "| 96 (91–99) |" in markdown_section([summary], "cmd", "today", "12.8.2", {})


def test_only_weighted_audits_that_failed_cost_points(report):
    lost = lost_points(report)
    assert [audit[0] for audit in lost["performance"]] == [
        "total-blocking-time",
        "cumulative-layout-shift",
    ]
    assert "accessibility" not in lost and "best-practices" not in lost


def test_failing_audits_of_no_weight_are_advice(report):
    advised = [audit[0] for audit in advice(report)["performance"]]
    assert advised == ["render-blocking-resources", "bf-cache"]


def test_a_page_over_a_budget_is_marked_in_the_table_and_the_document(report):
    requests(report)[2]["transferSize"] = 31_000  # the script
    summary = summarize("packet", URL, [report])
    assert "over: JavaScript" in format_table([summary])
    section = markdown_section([summary], "cmd", "today", "12.8.2", {})
    assert "**31,000 (over)**" in section and "| 5,890 |" in section


def test_the_document_names_the_audits_that_cost_points(report):
    summary = summarize("packet", URL, [report])
    section = markdown_section([summary], "cmd", "today", "12.8.2", {"packet": lost_points(report)})
    assert "- packet, performance: `cumulative-layout-shift` (Cumulative Layout Shift, 0.1)" in (
        section
    )
    assert section.startswith(START) and section.endswith(END)


def test_the_section_is_added_once_then_replaced_in_place():
    document = "# Benchmarks\n\n## Other\n\nText.\n"
    first = replace_section(document, f"{START}\nold\n{END}")
    assert first.startswith(document.rstrip()) and first.count(START) == 1
    again = replace_section(first + "\n## Later\n", f"{START}\nnew\n{END}")
    assert "old" not in again and "new" in again and again.endswith("## Later\n")
