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
