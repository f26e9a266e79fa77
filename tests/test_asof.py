"""Documents are true to their date: a plan as it stood on a meeting's date."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd

from rtplan import storage
from rtplan.asof import plan_as_of
from rtplan.documents.handout import Handout
from rtplan.monitoring import progress_table
from rtplan.monitoring.status import activity_state
from rtplan.tables import as_date

M01, M02 = dt.date(2026, 11, 15), dt.date(2026, 12, 6)  # the example's two meetings


def _rows(frame: pd.DataFrame) -> set[tuple[str, ...]]:
    return {tuple("" if pd.isna(v) else str(v) for v in row) for row in frame.itertuples(index=False)}


def test_when_as_of_a_date_then_later_rows_are_left_out(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    then = plan_as_of(plan, M02)
    for name in ("realizations", "ledger", "meetings"):
        dates = [as_date(d) for d in then[name]["date"]]
        assert dates, name
        assert all(d is not None and d <= M02 for d in dates), name
        dropped = [as_date(d) for d in plan[name]["date"] if as_date(d) is not None and as_date(d) > M02]
        assert len(then[name]) + len(dropped) == len(plan[name]), name
    assert len(plan["realizations"]) > len(then["realizations"])  # the example has later sessions
    assert plan["realizations"]["date"].equals(storage.load_plan(example_dir)["realizations"]["date"])  # unchanged


def test_handouts_for_m01_and_m02_differ_exactly_by_what_happened_between(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    first = Handout(str(example_dir), meeting="M01")
    second = Handout(str(example_dir), meeting="M02")
    assert (first.as_of, second.as_of) == (M01, M02)

    def between(name: str) -> set[tuple[str, ...]]:
        frame = plan[name]
        keep = [as_date(d) is not None and M01 < as_date(d) <= M02 for d in frame["date"]]  # type: ignore[operator]
        return _rows(frame[keep])

    for name in ("realizations", "ledger", "meetings"):
        assert _rows(second.plan[name]) - _rows(first.plan[name]) == between(name), name
        assert not _rows(first.plan[name]) - _rows(second.plan[name]), name
    later = set(plan["meetings"].loc[[as_date(d) > M01 for d in plan["meetings"]["date"]], "meeting_id"])  # type: ignore[operator]
    assert later == {"M02"}
    for name in ("attendance", "decisions"):
        assert set(second.plan[name]["meeting_id"]) - set(first.plan[name]["meeting_id"]) == later
        assert _rows(first.plan[name]) == _rows(second.plan[name][second.plan[name]["meeting_id"] != "M02"])
    # statuses: only activities with a session held between the two dates changed
    held_between = {r[0] for r in between("realizations")}
    s1 = dict(zip(first.plan["activities"]["activity_id"], first.plan["activities"]["status"]))
    s2 = dict(zip(second.plan["activities"]["activity_id"], second.plan["activities"]["status"]))
    assert {a for a in s1 if s1[a] != s2[a]} == held_between == {"A05"}
    assert s1["A05"] == "rencana"
    assert s2["A05"] == "berjalan"
    # nothing dated January shows as done on 6 December (the A08, 24 January)
    assert s2["A08"] != "selesai"
    assert plan["activities"].set_index("activity_id").at["A08", "status"] == "selesai"
    # the page says the date
    assert re.search(r"15 November 2026", str(first.identity()))
    assert "6 Desember 2026" in str(second.identity())
    schedule1, schedule2 = str(first.schedule()), str(second.schedule())
    assert schedule1 != schedule2
    assert schedule1.count(">berjalan<") + 1 == schedule2.count(">berjalan<")


def test_status_as_of_keeps_what_the_date_does_not_contradict() -> None:
    day = dt.date(2027, 1, 1)
    start, end = dt.date(2026, 12, 1), dt.date(2027, 2, 1)
    assert activity_state("batal", start, end, 4, 0, 0, day) == "batal"
    # sessions held decide over a recorded "rencana": the handout and the progress report agree
    assert activity_state("rencana", start, end, 4, 2, 0, day) == "berjalan"
    assert activity_state("berjalan", start, end, 4, 0, 0, day) == "berjalan"  # started, nothing recorded yet
    assert activity_state("berjalan", dt.date(2027, 1, 5), end, 4, 0, 0, day) == "rencana"  # not started then
    assert activity_state("selesai", start, end, 4, 2, 2, day) == "berjalan"  # finished only later
    assert activity_state("selesai", start, dt.date(2026, 12, 20), 2, 2, 0, day) == "selesai"


def test_reports_and_kas_command_count_nothing_after_as_of(example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    from rtplan.cli import main
    from rtplan.documents.reports import Report

    plan = storage.load_plan(example_dir)
    ledger = plan["ledger"]
    later = [str(d) for d, day in zip(ledger["description"], ledger["date"]) if as_date(day) > M02]  # type: ignore[operator]
    earlier = [str(d) for d, day in zip(ledger["description"], ledger["date"])
               if dt.date(2026, 12, 1) <= as_date(day) <= M02]  # type: ignore[operator]
    assert later
    assert earlier
    report = Report(str(example_dir), start="2026-12-01", as_of=M02.isoformat())
    book = str(report.kas_book())
    assert all(d in book for d in earlier)
    assert not any(d in book for d in later)
    assert "6 Desember 2026" in str(report.kas_title())
    assert main(["kas", str(example_dir), "--from", "2026-12-01", "--as-of", M02.isoformat(), "--format", "json",
                 "--book"]) == 0
    entries = json.loads(capsys.readouterr().out)["entries"]
    assert entries
    assert max(e["date"] for e in entries) <= M02.isoformat()
    assert main(["progress", str(example_dir), "--as-of", M02.isoformat(), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["totals"]["held_sessions"] == sum(as_date(d) <= M02 for d in plan["realizations"]["date"])  # type: ignore[operator]


def test_handout_and_progress_report_give_one_status_on_every_date(any_example_dir: Path) -> None:
    """The handout (the plan as of a date) and the progress report derive the same state
    for every activity on every meeting date and the day of every recorded session."""
    plan = storage.load_plan(any_example_dir)
    days = {as_date(d) for d in [*plan["meetings"]["date"], *plan["realizations"]["date"]]} - {None}
    assert days
    for day in sorted(d for d in days if d is not None):
        handout = dict(zip(plan_as_of(plan, day)["activities"]["activity_id"],
                           plan_as_of(plan, day)["activities"]["status"]))
        report = dict(zip(progress_table(plan, day)["activity_id"], progress_table(plan, day)["status"]))
        assert handout == report, day
