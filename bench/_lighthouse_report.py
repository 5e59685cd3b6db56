"""Reading Lighthouse's JSON reports for bench/lighthouse.py: scores, bytes, the
phone budgets, the audits that cost points, and the section of
docs/BENCHMARKS.md that shows them. Plain functions over the report's dict,
tested with a trimmed report in tests/bench/."""

CATEGORIES = ("performance", "accessibility", "best-practices")
# One network round trip: an initial congestion window of 10 × 1,460 bytes.
FIRST_RENDER_BUDGET = 14_600
SCRIPT_BUDGET = 30_000
START = "<!-- lighthouse:start (written by bench/lighthouse.py; edit outside these lines) -->"
END = "<!-- lighthouse:end -->"
HEADING = "## Lighthouse: a student's pages on a phone (`bench/lighthouse.py`)"
# Audits Lighthouse scores; the others only inform, need a person, or did not apply.
SCORED_MODES = {"binary", "numeric", "metricSavings"}


def page_requests(report):
    """The requests the page itself made (not its service worker's own)."""
    items = report["audits"]["network-requests"]["details"]["items"]
    return [item for item in items if item.get("sessionTargetType", "page") == "page"]


def budgets(report):
    """(HTML + CSS of the first render, JavaScript), in bytes as sent: the page's
    document and its style sheets, and its scripts, each with its headers."""
    requests = page_requests(report)
    documents = [r for r in requests if r["resourceType"] == "Document"]
    first_render = sum(r["transferSize"] for r in documents[:1]) + sum(
        r["transferSize"] for r in requests if r["resourceType"] == "Stylesheet"
    )
    script = sum(r["transferSize"] for r in requests if r["resourceType"] == "Script")
    return first_render, script


def scores(report):
    """Each category's score out of 100 (None if Lighthouse could not score it)."""
    found = {}
    for category in CATEGORIES:
        score = report["categories"][category]["score"]
        found[category] = None if score is None else round(score * 100)
    return found


def median_run(reports):
    """Of several runs of one page, the one with the median performance score
    (Lighthouse's own advice for scores that vary from run to run)."""
    ranked = sorted(reports, key=lambda report: scores(report)["performance"] or 0)
    return ranked[(len(ranked) - 1) // 2]


def summarize(name, url, reports):
    """A page's figures from its median run, with every run's performance score."""
    report = median_run(reports)
    first_render, script = budgets(report)
    return {
        "name": name,
        "url": url,
        "scores": scores(report),
        "performance_runs": sorted(scores(r)["performance"] or 0 for r in reports),
        "transferred": round(report["audits"]["total-byte-weight"]["numericValue"]),
        "first_render": first_render,
        "script": script,
    }


def failing(report, category, weighted):
    """(id, score, title, value) of the category's audits that did not pass:
    those that cost points (weighted), or those that only advise (not)."""
    found = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if (ref["weight"] > 0) != weighted or audit["scoreDisplayMode"] not in SCORED_MODES:
            continue
        if audit["score"] is not None and audit["score"] < 1:
            shown = audit.get("displayValue") or ""
            found.append((ref["id"], audit["score"], audit["title"], shown))
    return found


def lost_points(report):
    """Per category, the audits that cost it points."""
    return {c: found for c in CATEGORIES if (found := failing(report, c, weighted=True))}


def advice(report):
    """Per category, failing audits that weigh nothing in its score."""
    return {c: found for c in CATEGORIES if (found := failing(report, c, weighted=False))}


def over_budget(summary):
    return [
        label
        for label, value, budget in (
            ("HTML + CSS", summary["first_render"], FIRST_RENDER_BUDGET),
            ("JavaScript", summary["script"], SCRIPT_BUDGET),
        )
        if value > budget
    ]


def score_text(value):
    return "—" if value is None else str(value)


def performance_text(summary):
    """The median run's score, and the range over the runs when they differ."""
    runs = summary["performance_runs"]
    shown = score_text(summary["scores"]["performance"])
    return shown if runs[0] == runs[-1] else f"{shown} ({runs[0]}–{runs[-1]})"


def format_table(summaries):
    """A plain-text table for the terminal."""
    header = ("page", "perf", "a11y", "b-p", "bytes", "HTML+CSS", "JS", "budgets")
    rows = [header]
    for s in summaries:
        over = over_budget(s)
        rows.append(
            (
                s["name"],
                performance_text(s),
                *(score_text(s["scores"][c]) for c in CATEGORIES[1:]),
                f"{s['transferred']:,}",
                f"{s['first_render']:,}",
                f"{s['script']:,}",
                "over: " + ", ".join(over) if over else "met",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    limits = f"budgets: HTML + CSS ≤ {FIRST_RENDER_BUDGET:,} B, JavaScript ≤ {SCRIPT_BUDGET:,} B"
    return "\n".join([*lines, limits])


def markdown_rows(summaries):
    rows = []
    for s in summaries:
        cells = [s["name"], f"`{s['url']}`", performance_text(s)]
        cells += [score_text(s["scores"][c]) for c in CATEGORIES[1:]]
        cells.append(f"{s['transferred']:,}")
        for value, budget in (
            (s["first_render"], FIRST_RENDER_BUDGET),
            (s["script"], SCRIPT_BUDGET),
        ):
            cells.append(f"{value:,}" if value <= budget else f"**{value:,} (over)**")
        rows.append("| " + " | ".join(cells) + " |")
    return rows


def markdown_section(summaries, command, note, version, lost):
    """The generated part of the Lighthouse section: command, machine, table and
    the audits that cost points in each page's median run (`lost`: page name →
    lost_points(report))."""
    runs = len(summaries[0]["performance_runs"]) if summaries else 0
    lines = [
        START,
        f"Last run: `{command}` ({note}; Lighthouse {version}).",
        f"Each page audited {runs} times; the figures are its median run's "
        "(by performance score; the range of the runs in brackets when they differ).",
        "",
        "| page | URL | performance | accessibility | best practices | bytes transferred "
        f"| HTML + CSS, first render (≤ {FIRST_RENDER_BUDGET:,}) "
        f"| JavaScript (≤ {SCRIPT_BUDGET:,}) |",
        "|---|---|---|---|---|---|---|---|",
        *markdown_rows(summaries),
        "",
    ]
    costs = [
        f"- {page}, {category}: `{audit_id}` ({title}{', ' + shown if shown else ''})"
        for page, categories in lost.items()
        for category, audits in categories.items()
        for audit_id, _score, title, shown in audits
    ]
    lines += (
        ["Audits that cost points (median runs):", "", *costs]
        if costs
        else ["No audit cost a point in the median runs."]
    )
    return "\n".join([*lines, END])


def replace_section(text, section):
    """The document with its generated Lighthouse part replaced, or with a new
    Lighthouse section at its end."""
    start, end = text.find(START), text.find(END)
    if start != -1 and end > start:
        return text[:start] + section + text[end + len(END) :]
    return f"{text.rstrip()}\n\n{HEADING}\n\n{section}\n"
