"""The safety net in every panel that saves, not only the table editors: "Urungkan"
brings the files back as they were before the panel's last save, and after a refusal
because someone else changed the plan, "Muat ulang" keeps what was typed and the next
save goes through (keeping the other person's change).

Each case drives one panel headless on a copy of the example plan:
``type`` fills the panel without saving, ``save`` clicks its save action, ``typed``
reads back what was typed (to compare after "Muat ulang"), ``other`` is the change a
second kernel makes meanwhile, and ``theirs`` checks that change survived.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ipywidgets as w
import pandas as pd
import pytest

from rtplan import storage
from rtplan.ui.base import PlanSession, SafetyNet, open_session
from rtplan.ui.monitoring import CashBookPanel, RecordSessionPanel
from rtplan.ui.needs import DotVotePanel, FinalOrderPanel, PairwiseRunner, ProblemTreePanel, UsgGrid
from rtplan.ui.paper import SheetEntryPanel
from rtplan.ui.profile import AttendancePanel, ProfileForm
from rtplan.ui.resources import MatchingBoard
from rtplan.ui.schedule import ActivityEditor


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _elsewhere(folder: Path, table: str, change: Callable[[pd.DataFrame], pd.DataFrame]) -> None:
    """Another kernel (or person) changes ``table`` on disk."""
    plan = storage.load_plan(folder)
    storage.save_tables(plan, {table: change(plan.copy_table(table).astype("object"))})


def _disk(folder: Path, table: str) -> pd.DataFrame:
    return storage.load_plan(folder)[table]


# -- the cases ------------------------------------------------------------------------------
@dataclass
class Case:
    name: str
    table: str  # the file the panel saves ("plan" for plan.toml)
    build: Callable[[PlanSession], Any]
    type: Callable[[Any], None]
    save: Callable[[Any], None]
    typed: Callable[[Any], object]
    other: Callable[[Path], None]
    theirs: Callable[[Path], bool]


# USG: scorer P005 re-scores N01; meanwhile P001's score of N02 is changed elsewhere
def _usg_type(p: UsgGrid) -> None:
    p.scorer.value = "P005"
    for box, value in zip(p.boxes["N01"], ("1", "2", "3")):
        box.value = value


def _usg_other(folder: Path) -> None:
    def change(f: pd.DataFrame) -> pd.DataFrame:
        f.loc[(f["scorer"] == "P001") & (f["need_id"] == "N02"), "growth"] = 1
        return f
    _elsewhere(folder, "usg_scores", change)


def _usg_theirs(folder: Path) -> bool:
    s = _disk(folder, "usg_scores")
    return bool((s[(s["scorer"] == "P001") & (s["need_id"] == "N02")]["growth"] == 1).all())


# dots: P003 gives N12 four dots; meanwhile P005's dots on N01 change
def _dots_type(p: DotVotePanel) -> None:
    p.participant.value = "P003"
    p.boxes["N12"].value = "4"


def _dots_other(folder: Path) -> None:
    def change(f: pd.DataFrame) -> pd.DataFrame:
        f.loc[(f["participant_id"] == "P005") & (f["need_id"] == "N01"), "dots"] = 1
        return f
    _elsewhere(folder, "votes", change)


def _dots_theirs(folder: Path) -> bool:
    v = _disk(folder, "votes")
    return bool((v[(v["participant_id"] == "P005") & (v["need_id"] == "N01")]["dots"] == 1).all())


# attendance: one more person ticked at M02; meanwhile P002 is taken off M01
def _att_type(p: AttendancePanel) -> None:
    p.meeting.value = "M02"
    absent = sorted(pid for pid, b in p.boxes.items() if not b.value)[0]
    p.boxes[absent].value = True


def _att_other(folder: Path) -> None:
    _elsewhere(folder, "attendance",
               lambda f: f[~((f["meeting_id"] == "M01") & (f["participant_id"] == "P002"))])


def _att_theirs(folder: Path) -> bool:
    a = _disk(folder, "attendance")
    return not ((a["meeting_id"] == "M01") & (a["participant_id"] == "P002")).any()


# profile: the number of households; meanwhile the kas setting is changed elsewhere
def _profile_type(p: ProfileForm) -> None:
    p.fields["households"].value = "64"


def _profile_other(folder: Path) -> None:
    plan = storage.load_plan(folder)
    meta = {k: (dict(v) if isinstance(v, dict) else v) for k, v in plan.meta.items()}
    meta["kas"] = {"allow_negative": True}
    storage.save_tables(plan, {}, meta)


def _profile_theirs(folder: Path) -> bool:
    return storage.load_plan(folder).meta.get("kas", {}).get("allow_negative") is True


# problem tree: a new cause of N07's core problem; meanwhile another node's text changes
def _tree_type(p: ProblemTreePanel) -> None:
    p.need.value = "N07"
    p.start_new()
    p.text.value = "Tidak ada jadwal kerja bakti rutin"


def _tree_other(folder: Path) -> None:
    def change(f: pd.DataFrame) -> pd.DataFrame:
        f.loc[f["node_id"] == "T02", "text"] = "Sebagian warga masih membuang sampah ke saluran"
        return f
    _elsewhere(folder, "problem_tree", change)


def _tree_theirs(folder: Path) -> bool:
    t = _disk(folder, "problem_tree").set_index("node_id")
    return bool(t.loc["T02", "text"] == "Sebagian warga masih membuang sampah ke saluran")


# final order: the last two swapped; meanwhile someone reloads nothing but changes a need's title
def _final_type(p: FinalOrderPanel) -> None:
    p.chosen.value = p.order[-1]
    p.move(-1)


def _needs_other(folder: Path) -> None:
    def change(f: pd.DataFrame) -> pd.DataFrame:
        f.loc[f["need_id"] == "N14", "title"] = "Judul diganti di kernel lain"
        return f
    _elsewhere(folder, "needs", change)


def _needs_theirs(folder: Path) -> bool:
    return bool(_disk(folder, "needs").set_index("need_id").loc["N14", "title"] == "Judul diganti di kernel lain")


# matching board: a note typed on a card, then "Terima"; meanwhile a decision for another need
def _board_card(p: MatchingBoard) -> Any:
    return next(c for c in p.cards.values() if c.match.decision is None)


def _board_type(p: MatchingBoard) -> None:
    p.need.value = "N02"
    _board_card(p).note.value = "Dibicarakan dengan Pak RW"


def _board_save(p: MatchingBoard) -> None:
    card = next(c for c in p.cards.values() if c.note.value == "Dibicarakan dengan Pak RW")
    card.accept.click()


def _board_other(folder: Path) -> None:
    def change(f: pd.DataFrame) -> pd.DataFrame:
        f.loc[f.index[0], "note"] = "Catatan dari kernel lain"
        return f
    _elsewhere(folder, "matches", change)


def _board_theirs(folder: Path) -> bool:
    return bool(_disk(folder, "matches")["note"].iloc[0] == "Catatan dari kernel lain")


# a session held: a new session of A01 with its numbers; meanwhile another session's notes change
def _record_type(p: RecordSessionPanel) -> None:
    p.activity.value = "A01"
    p.start_new()
    p.date.text.value = "02/01/2027"
    p.men.value = "3"
    p.women.value = "9"
    p.cost.value = "Rp 75.000"
    p.output.value = "Pertemuan tambahan: menjahit tas belanja"


def _record_other(folder: Path) -> None:
    def change(f: pd.DataFrame) -> pd.DataFrame:
        f.loc[f.index[0], "notes"] = "dicatat di kernel lain"
        return f
    _elsewhere(folder, "realizations", change)


def _record_theirs(folder: Path) -> bool:
    r = _disk(folder, "realizations")
    first = r[(r["activity_id"] == "A01") & (r["date"] == pd.Timestamp("2026-12-12"))]
    return bool((first["notes"] == "dicatat di kernel lain").all()) and len(first) == 1


# pairwise: the group answers the first pair; meanwhile another judgement changes
def _pairwise_type(p: PairwiseRunner) -> None:
    p.candidates.value = ("N03", "N06", "N09")
    p.start()


def _pairwise_other(folder: Path) -> None:
    def change(f: pd.DataFrame) -> pd.DataFrame:
        row = f.index[0]
        f.loc[row, "winner"] = "seri"
        return f
    _elsewhere(folder, "pairwise", change)


def _pairwise_theirs(folder: Path) -> bool:
    return bool(_disk(folder, "pairwise")["winner"].iloc[0] == "seri")


# the paper USG sheet of P010, typed back; meanwhile P001's score of N02 changes
def _paper_type(p: SheetEntryPanel) -> None:
    p.kind.value = "usg"
    p.who.value = "P010"
    for cells in p.cells.values():
        for cell, value in zip(cells, ("4", "3", "2")):
            cell.value = value


# the cash book (a table editor inside a panel): a new entry; meanwhile an old entry's proof changes
def _kas_type(p: CashBookPanel) -> None:
    e = p.editor
    e.start_new()
    e.fields["date"].text.value = "03/01/2027"
    e.fields["description"].value = "Iuran kas Januari tambahan"
    e.fields["income_idr"].value = "50rb"
    e.fields["category"].value = "iuran"


def _kas_other(folder: Path) -> None:
    def change(f: pd.DataFrame) -> pd.DataFrame:
        f.loc[f["entry_id"] == "K002", "proof"] = "kuitansi 2"
        return f
    _elsewhere(folder, "ledger", change)


def _kas_theirs(folder: Path) -> bool:
    return bool(_disk(folder, "ledger").set_index("entry_id").loc["K002", "proof"] == "kuitansi 2")


# the schedule's activity form: a title edited; meanwhile another activity's place changes
def _act_type(p: ActivityEditor) -> None:
    p.rows.value = "A02"
    p.fields["title"].value = "Kerja bakti saluran (diperpanjang)"


def _act_other(folder: Path) -> None:
    def change(f: pd.DataFrame) -> pd.DataFrame:
        f.loc[f["activity_id"] == "A01", "venue"] = "Balai RW (pindah)"
        return f
    _elsewhere(folder, "activities", change)


def _act_theirs(folder: Path) -> bool:
    return bool(_disk(folder, "activities").set_index("activity_id").loc["A01", "venue"] == "Balai RW (pindah)")


def _boxes(p: Any) -> object:
    return {n: tuple(b.value for b in bs) for n, bs in p.boxes.items()}


CASES = [
    Case("usg", "usg_scores", UsgGrid, _usg_type, lambda p: p.save_button.click(),
         lambda p: (p.scorer.value, _boxes(p)), _usg_other, _usg_theirs),
    Case("dots", "votes", DotVotePanel, _dots_type, lambda p: p.save_button.click(),
         lambda p: (p.participant.value, {n: b.value for n, b in p.boxes.items()}), _dots_other, _dots_theirs),
    Case("attendance", "attendance", AttendancePanel, _att_type, lambda p: p.save_button.click(),
         lambda p: (p.meeting.value, {k for k, b in p.boxes.items() if b.value}), _att_other, _att_theirs),
    Case("profile", "plan", ProfileForm, _profile_type, lambda p: p.save_button.click(),
         lambda p: p.fields["households"].value, _profile_other, _profile_theirs),
    Case("tree", "problem_tree", ProblemTreePanel, _tree_type, lambda p: p.save_button.click(),
         lambda p: (p.need.value, p.kind.value, p.text.value, p.parent.value), _tree_other, _tree_theirs),
    Case("final", "priorities", FinalOrderPanel, _final_type, lambda p: p.save_button.click(),
         lambda p: list(p.order), _needs_other, _needs_theirs),
    Case("board", "matches", MatchingBoard, _board_type, _board_save,
         lambda p: (p.need.value, sorted(c.note.value for c in p.cards.values())), _board_other, _board_theirs),
    Case("record", "realizations", RecordSessionPanel, _record_type, lambda p: p.save_button.click(),
         lambda p: (p.activity.value, p.date.value, p.men.value, p.women.value, p.cost.value, p.output.value),
         _record_other, _record_theirs),
    Case("pairwise", "pairwise", PairwiseRunner, _pairwise_type, lambda p: p.a_button.click(),
         lambda p: (tuple(p.candidates.value), p.current), _pairwise_other, _pairwise_theirs),
    Case("paper", "usg_scores", SheetEntryPanel, _paper_type, lambda p: p.save_button.click(),
         lambda p: (p.who.value, {k: tuple(c.value for c in cs) for k, cs in p.cells.items()}),
         _usg_other, _usg_theirs),
    Case("kas", "ledger", CashBookPanel, _kas_type, lambda p: p.editor.save_button.click(),
         lambda p: {k: getattr(f, "value", None) for k, f in p.editor.fields.items()}, _kas_other, _kas_theirs),
    Case("activities", "activities", ActivityEditor, _act_type, lambda p: p.save_button.click(),
         lambda p: (p.rows.value, p.fields["title"].value), _act_other, _act_theirs),
]


def _net(panel: Any) -> SafetyNet:
    """The part of a panel with the safety net (the cash book's is its table editor)."""
    net = panel.editor if isinstance(panel, CashBookPanel) else panel
    assert isinstance(net, SafetyNet)
    return net


def _file(folder: Path, table: str) -> bytes:
    return (folder / ("plan.toml" if table == "plan" else f"{table}.csv")).read_bytes()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_undo_brings_the_file_back(example_dir: Path, case: Case) -> None:
    panel = case.build(open_session(example_dir))
    net = _net(panel)
    assert isinstance(net.undo_button, w.Button)
    assert net.undo_button.disabled
    assert f"rtplan-undo-{'ledger' if case.name == 'kas' else case.name}" in net.undo_button._dom_classes
    before = _files(example_dir)
    case.type(panel)
    case.save(panel)
    assert net.status.kind == "ok", net.status.text
    assert _file(example_dir, case.table) != before[_file_name(case.table)]
    assert not net.undo_button.disabled
    net.undo_button.click()
    assert net.status.kind == "ok", net.status.text
    assert "diurungkan" in net.status.text
    after = _files(example_dir)
    if case.table == "plan":  # the settings come back as they were (written in rtplan's own layout)
        assert storage.load_plan(example_dir).meta["households"] == 60
        assert {k: v for k, v in after.items() if k != "plan.toml"} == \
            {k: v for k, v in before.items() if k != "plan.toml"}
    else:
        assert after == before  # byte for byte, every file
    assert net.undo_button.disabled  # one step back
    # the panel shows what is on disk again
    session = net.session
    if case.table != "plan":
        assert storage.load_plan(example_dir)[case.table].equals(session.plan[case.table])


def _file_name(table: str) -> str:
    return "plan.toml" if table == "plan" else f"{table}.csv"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_reload_after_a_concurrent_change_keeps_the_typing(example_dir: Path, case: Case) -> None:
    panel = case.build(open_session(example_dir))
    net = _net(panel)
    case.type(panel)
    typed = case.typed(panel)
    case.other(example_dir)
    theirs = _files(example_dir)
    assert net.reload_button.layout.display == "none"
    case.save(panel)
    assert net.status.kind == "error"
    text = net.status.text
    assert "sudah diubah di luar formulir ini" in text, text
    assert "Muat ulang" in text, text
    assert ".csv" not in text, text
    assert "plan.toml" not in text, text
    assert _files(example_dir) == theirs  # nothing written over their change
    assert net.reload_button.layout.display != "none"
    net.reload_button.click()
    assert net.status.kind == "ok"
    assert "isian Anda tetap" in net.status.text
    assert net.reload_button.layout.display == "none"
    assert case.typed(panel) == typed  # what was typed is still there
    case.save(panel)
    assert net.status.kind == "ok", net.status.text
    assert _file(example_dir, case.table) != theirs[_file_name(case.table)]
    assert case.theirs(example_dir)  # and the other person's change is kept


def test_profile_undo_restores_the_settings(example_dir: Path) -> None:
    form = ProfileForm(open_session(example_dir))
    form.fields["households"].value = "64"
    form.fields["period.end"].value = dt.date(2027, 6, 30)
    form.save_button.click()
    assert form.status.kind == "ok", form.status.text
    assert storage.load_plan(example_dir).meta["households"] == 64
    form.undo_button.click()
    assert form.status.kind == "ok", form.status.text
    meta = storage.load_plan(example_dir).meta
    assert meta["households"] == 60
    assert meta["period"]["end"] == dt.date(2027, 5, 31)
    assert form.fields["households"].value == "60"  # the form shows them again


def test_undo_of_a_pairwise_answer_shows_that_pair_again(example_dir: Path) -> None:
    runner = PairwiseRunner(open_session(example_dir))
    runner.candidates.value = ("N03", "N06", "N09")
    runner.start()
    first = runner.current
    runner.a_button.click()
    assert runner.status.kind == "ok"
    assert runner.current != first
    runner.undo_button.click()
    assert runner.status.kind == "ok", runner.status.text
    assert runner.current == first


def test_undo_is_refused_after_a_later_change_of_the_same_table(example_dir: Path) -> None:
    session = open_session(example_dir)
    grid, dots = UsgGrid(session), DotVotePanel(session)
    _usg_type(grid)
    grid.save_button.click()
    saved = _file(example_dir, "usg_scores")
    _usg_other(example_dir)  # someone else changes the scores afterwards
    session.reload()
    _dots_type(dots)  # a save in another table does not block the undo of the scores
    dots.save_button.click()
    assert dots.status.kind == "ok"
    assert _file(example_dir, "usg_scores") != saved
    changed = _file(example_dir, "usg_scores")
    assert not grid.undo()
    assert _file(example_dir, "usg_scores") == changed
