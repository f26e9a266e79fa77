"""A save redraws only what is on screen, and computes each result once.

Behaviour only (no timings: those are in benchmarks/bench_panels.py): a tab that is not
open is not redrawn by a save, and is brought up to date when it is opened; one save runs
the schedule's conflict check once however many parts of the page show conflicts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from rtplan.schedule import conflicts as conflict_checks
from rtplan.ui.base import Gate, LiveResult, PlanSession, live
from rtplan.ui.needs import step1
from rtplan.ui.schedule import step3
from rtplan.views.schedule import plan_conflicts


def _beside(tab: Any, key: str) -> LiveResult:
    """The live result shown beside the panel of ``key``."""
    box = tab.children[list(tab.panels).index(key)]
    result = box.children[1]
    assert isinstance(result, LiveResult)
    return result


def _open(tab: Any, key: str) -> None:
    tab.selected_index = list(tab.panels).index(key)


def _score(tab: Any) -> None:
    """A USG score saved through the session (as the grid does)."""
    session = tab.session
    scores = session.table("usg_scores")
    scores.loc[0, "urgency"] = 1 if scores.loc[0, "urgency"] != 1 else 2
    assert session.save({"usg_scores": scores}) == []


def test_a_hidden_tab_is_not_redrawn_until_it_is_opened(example_dir: Path) -> None:
    tab = step1(example_dir)
    chart = _beside(tab, "usg")  # the USG ranking chart beside the grid, on a tab not open
    assert tab.selected_index == 0
    drawn = chart.renders
    _score(tab)
    _score(tab)
    assert chart.renders == drawn  # two saves, nothing drawn where nobody looks
    assert tab.gates["usg"].pending
    _open(tab, "usg")
    assert chart.renders == drawn + 1  # opened: drawn once, with both changes
    assert not tab.gates["usg"].pending
    _score(tab)
    assert chart.renders == drawn + 2  # open: follows every save
    _open(tab, "needs")
    _open(tab, "usg")
    assert chart.renders == drawn + 2  # opened again with nothing changed: not drawn again


def test_the_open_tab_shows_what_was_saved_while_it_was_hidden(example_dir: Path) -> None:
    tab = step1(example_dir)
    needs = tab.session.table("needs")
    needs.loc[0, "title"] = "Saluran air gang 2 tersumbat"
    assert tab.session.save({"needs": needs}) == []
    grid = tab.panels["usg"]
    first = next(iter(grid.boxes))
    labels = [c.value for c in grid.grid.children if hasattr(c, "value") and first in str(c.value)]
    assert not any("Saluran air gang 2" in v for v in labels)  # hidden: the grid still shows the old title
    _open(tab, "usg")
    labels = [c.value for c in grid.grid.children if hasattr(c, "value") and first in str(c.value)]
    assert any("Saluran air gang 2" in v for v in labels)


def test_a_gate_calls_each_listener_once_with_every_change_it_missed() -> None:
    calls: list[set[str]] = []
    gate = Gate(shown=False)
    listener = gate.add(calls.append)
    listener({"needs"})
    listener({"votes"})
    assert calls == []
    gate.show()
    assert calls == [{"needs", "votes"}]
    listener({"usg_scores"})
    assert calls == [{"needs", "votes"}, {"usg_scores"}]


def test_panels_built_outside_a_gate_follow_every_save(example_dir: Path) -> None:
    session = PlanSession(example_dir)
    gate = Gate(shown=False)
    with session.behind(gate):
        hidden = LiveResult(session, lambda plan: len(plan["needs"]))
    shown = LiveResult(session, lambda plan: len(plan["needs"]))
    needs = session.table("needs")
    needs.loc[0, "title"] = "Lampu jalan"
    assert session.save({"needs": needs}) == []
    assert (hidden.renders, shown.renders) == (1, 2)


@pytest.fixture
def counted_checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the schedule conflict checks actually run (a spy on the venue check each one starts with)."""
    runs: list[int] = []
    real = conflict_checks._check_venues

    def spy(*args: Any, **kwargs: Any) -> None:
        runs.append(1)
        real(*args, **kwargs)

    monkeypatch.setattr(conflict_checks, "_check_venues", spy)
    return runs


def test_one_save_runs_one_conflict_check(example_dir: Path, counted_checks: list[int]) -> None:
    tab = step3(example_dir, charts=False)
    below = live(tab.session, plan_conflicts)  # the conflicts cell below the tabs, as in the notebook
    _open(tab, "conflicts")  # the conflicts panel open as well as the list below the tabs
    editor = tab.panels["activities"]
    glance = _beside(tab, "activities")
    _open(tab, "activities")
    _open(tab, "conflicts")
    renders = (below.renders, glance.renders)
    counted_checks.clear()
    ident = str(tab.session.plan["activities"]["activity_id"].iloc[0])
    editor.rows.value = ident
    editor.fields["venue"].value = "Balai RW 03"
    _open(tab, "activities")
    assert editor.save()
    assert below.renders == renders[0] + 1  # the list below the tabs and the glance show the new conflicts
    assert glance.renders > renders[1]
    assert len(counted_checks) == 1
    _open(tab, "conflicts")  # the conflicts tab, hidden during the save, is drawn from the same check
    assert len(counted_checks) == 1


def test_the_conflict_check_follows_each_save(example_dir: Path, counted_checks: list[int]) -> None:
    tab = step3(example_dir, charts=False)
    session = tab.session
    before = conflict_checks.find_conflicts(session.plan)
    assert conflict_checks.find_conflicts(session.plan) == before
    runs = len(counted_checks)
    activities = session.table("activities")
    twin = activities.iloc[[0]].copy()
    twin["activity_id"] = "A99"
    twin["title"] = "Rapat kembar"
    assert session.save({"activities": pd.concat([activities, twin], ignore_index=True)}) == []
    after = conflict_checks.find_conflicts(session.plan)
    assert len(counted_checks) == runs + 1
    assert any("A99" in c.activity_ids for c in after)
    assert not any("A99" in c.activity_ids for c in before)


def _page_below_the_tabs(notebook: str, plan: Path) -> list[LiveResult]:
    """The live results a step notebook shows below its tabs, built by the notebook's own cells."""
    import ast
    import json

    cells = json.loads((Path(__file__).parent.parent / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"]
    shown: list[Any] = []
    scope: dict[str, Any] = {"PLAN": str(plan), "LANG": None, "display": shown.append}
    for cell in cells:
        source = "".join(cell["source"])
        if cell["cell_type"] != "code" or "live(" not in source:
            continue
        body = ast.parse(source).body
        last = body.pop() if isinstance(body[-1], ast.Expr) else None
        exec(compile(ast.Module(body, []), notebook, "exec"), scope)
        if last is not None:  # the cell's value, shown below it
            shown.append(eval(compile(ast.Expression(last.value), notebook, "eval"), scope))
    return [r for r in shown if isinstance(r, LiveResult)]


@pytest.fixture
def counted_rankings(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Counts the USG rankings and the combined rankings actually computed (spies on their core step)."""
    from rtplan.needs import combined, usg

    runs = {"usg": 0, "combined": 0}

    def spy(name: str, real: Any) -> Any:
        def counted(*args: Any, **kwargs: Any) -> Any:
            runs[name] += 1
            return real(*args, **kwargs)
        return counted

    monkeypatch.setattr(usg, "usg_scores", spy("usg", usg.usg_scores))
    monkeypatch.setattr(combined, "combined_ranks", spy("combined", combined.combined_ranks))
    return runs


def test_one_save_computes_each_ranking_once(example_dir: Path, counted_rankings: dict[str, int]) -> None:
    tab = step1(str(example_dir))
    below = _page_below_the_tabs("01_kebutuhan.ipynb", example_dir)
    assert len(below) >= 6  # the tree, the final order, the combined table and chart, both USG charts, ...
    assert all(r.session is tab.session for r in below)  # one session for the page
    _open(tab, "usg")
    _open(tab, "ranking")  # the ranking panel open: it reads every ranking too
    _open(tab, "usg")
    renders = [r.renders for r in below]
    counted_rankings.update(usg=0, combined=0)
    _score(tab)
    redrawn = sum(r.renders > n for r, n in zip(below, renders))
    assert redrawn >= 5  # every result that reads the USG scores was drawn again ...
    assert counted_rankings == {"usg": 1, "combined": 1}  # ... from one USG ranking and one combined ranking
    _open(tab, "ranking")  # the hidden ranking panel brought up to date from the same rankings
    assert counted_rankings == {"usg": 1, "combined": 1}


def test_results_below_the_tabs_redraw_only_when_a_table_they_read_changes(example_dir: Path) -> None:
    tab = step3(str(example_dir), charts=False)
    below = _page_below_the_tabs("03_jadwal.ipynb", example_dir)
    budget = [r for r in below if r.tables == {"activities", "funds", "plan"}]
    schedule = [r for r in below if r not in budget]
    assert len(budget) == 2 and len(schedule) == 3  # the budget table and chart; the Gantt, calendars, conflicts
    before = [r.renders for r in below]
    funds = tab.session.table("funds")
    funds.loc[0, "amount_idr"] = float(funds.loc[0, "amount_idr"]) + 1000
    assert tab.session.save({"funds": funds}) == []
    assert all(r.renders == n + 1 for r, n in zip(below, before) if r in budget)
    assert all(r.renders == n for r, n in zip(below, before) if r in schedule)  # a fund moves no activity
    activities = tab.session.table("activities")
    activities.loc[0, "title"] = "Kerja bakti besar"
    assert tab.session.save({"activities": activities}) == []
    assert all(r.renders == n + (2 if r in budget else 1) for r, n in zip(below, before))


def test_a_save_draws_again_only_the_calendar_months_it_changes(example_dir: Path) -> None:
    import datetime as dt

    from rtplan.charts.schedule import month_calendar_figures
    from rtplan.fmt import format_month
    from rtplan.schedule import plan_sessions

    session = PlanSession(example_dir)
    before = month_calendar_figures(session.plan, "id")
    sessions = plan_sessions(session.plan)
    months = {(d.year, d.month) for d in sessions["date"]}
    one_month = next(a for a, dates in sessions.groupby("activity_id")["date"]
                     if len({(d.year, d.month) for d in dates}) == 1)  # an activity within one month
    (year, month), = {(d.year, d.month) for d in sessions.loc[sessions["activity_id"] == one_month, "date"]}
    activities = session.table("activities")
    activities.loc[activities["activity_id"] == one_month, "title"] = "Senam pagi"
    assert session.save({"activities": activities}) == []
    after = month_calendar_figures(session.plan, "id")
    assert len(before) == len(after) >= len(months) > 1
    redrawn = [str(new.get_suptitle()) for old, new in zip(before, after) if old is not new]
    assert redrawn == [format_month(dt.date(year, month, 1), "id")]  # that month alone is drawn again ...
    texts = [t.get_text() for f in after if str(f.get_suptitle()) == redrawn[0] for t in f.axes[0].texts]
    assert any("Senam pagi" in text for text in texts)  # ... with the new title
    assert not any("Senam pagi" in t.get_text() for f in after if f.get_suptitle() != redrawn[0]
                   for t in f.axes[0].texts)
