"""The safety net of the panels, driven headless on a copy of the example plan:
confirm before delete, undo from the plan's history, drafts kept when switching
scorer or meeting, and "Muat ulang" after a concurrent-change refusal."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from conftest import opened

from rtplan import storage
from rtplan.dependents import dependents, total
from rtplan.ui.needs import step1
from rtplan.ui.profile import step0


def _csv(folder: Path, name: str) -> bytes:
    return (folder / f"{name}.csv").read_bytes()


def _ids(folder: Path, table: str, key: str) -> set[str]:
    return set(storage.load_plan(folder)[table][key].astype(str))


def _add_guest(folder: Path) -> str:
    """Add a participant nothing refers to (every one of the example attended); its id."""
    plan = storage.load_plan(folder)
    frame = plan.copy_table("participants").astype("object")
    row = dict.fromkeys(frame.columns) | {"participant_id": "P099", "name": "Tamu Sekali Datang", "sex": "L"}
    storage.save_tables(plan, {"participants": pd.concat([frame, pd.DataFrame([row]).astype("object")],
                                                         ignore_index=True)})
    return "P099"


# -- dependents (core) ------------------------------------------------------------------
def test_dependents_count_rows_through_references(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    scores = plan["usg_scores"]
    found = {(d.table, d.column): d.count for d in dependents(plan.tables, "needs", "N07")}
    assert found[("usg_scores", "need_id")] == int((scores["need_id"] == "N07").sum()) > 0
    listed = sum("N07" in str(v).split(";") for v in plan["activities"]["need_ids"].dropna())
    assert found.get(("activities", "need_ids"), 0) == listed
    assert total(dependents(plan.tables, "participants", str(plan["participants"]["participant_id"].iloc[0]))) > 0
    guest = _add_guest(example_dir)
    assert total(dependents(storage.load_plan(example_dir).tables, "participants", guest)) == 0


# -- confirm before delete, then undo ---------------------------------------------------
def test_delete_asks_first_and_undo_brings_the_row_back(example_dir: Path) -> None:
    pid = _add_guest(example_dir)
    tab = step0(example_dir)
    editor = opened(tab, "participants")
    original = _csv(example_dir, "participants")
    name = tab.session.plan["participants"].set_index("participant_id").loc[pid, "name"]
    editor.rows.value = pid
    assert editor.undo_button.disabled
    editor.delete_button.click()
    assert editor.confirm.asking
    assert editor.confirm.layout.display != "none"
    assert pid in editor.confirm.question.value
    assert name in editor.confirm.question.value
    assert editor.confirm.yes.description == "Ya, hapus"
    assert editor.confirm.no.description == "Batal"
    assert _csv(example_dir, "participants") == original  # asking writes nothing
    editor.confirm.no.click()
    assert not editor.confirm.asking
    assert _csv(example_dir, "participants") == original
    assert pid in _ids(example_dir, "participants", "participant_id")
    editor.rows.value = pid
    editor.delete_button.click()
    editor.confirm.yes.click()
    assert editor.status.kind == "ok", editor.status.text
    assert pid not in _ids(example_dir, "participants", "participant_id")
    assert not editor.undo_button.disabled
    editor.undo_button.click()
    assert editor.status.kind == "ok", editor.status.text
    assert "diurungkan" in editor.status.text
    assert pid in _ids(example_dir, "participants", "participant_id")
    assert _csv(example_dir, "participants") == original
    assert pid in {o[1] for o in editor.rows.options}
    assert editor.rows.value == pid  # the row that came back is shown, not a new form with its id
    assert editor.fields["name"].value == name
    assert editor.undo_button.disabled  # one step back only
    assert storage.load_plan(example_dir)["participants"].equals(tab.session.plan["participants"])


def test_delete_of_a_used_row_names_what_uses_it_and_asks_nothing(example_dir: Path) -> None:
    tab = step1(example_dir)
    editor = opened(tab, "needs")
    before = _csv(example_dir, "needs")
    n_scores = int((tab.session.plan["usg_scores"]["need_id"] == "N07").sum())
    editor.rows.value = "N07"
    editor.delete_button.click()
    assert not editor.confirm.asking
    assert editor.status.kind == "error"
    assert f"{n_scores} skor USG" in editor.status.text
    assert "masih memakai kebutuhan" in editor.status.text
    assert _csv(example_dir, "needs") == before


def test_undo_is_refused_when_the_table_changed_again(example_dir: Path) -> None:
    pid = _add_guest(example_dir)
    tab = step0(example_dir)
    editor = opened(tab, "participants")
    editor.rows.value = pid
    editor.delete_button.click()
    editor.confirm.yes.click()
    point = editor._undo
    editor.new_button.click()  # a later save in the same table
    editor.fields["name"].value = "Tamu Sementara"
    editor.fields["sex"].value = "P"
    editor.fields["consent"].value = "ya"
    editor.save_button.click()
    assert editor.status.kind == "ok", editor.status.text
    after = _csv(example_dir, "participants")
    assert tab.session.undo(point)
    assert _csv(example_dir, "participants") == after


# -- drafts when switching ----------------------------------------------------------------
def test_switching_scorer_keeps_unsaved_scores_as_a_draft(example_dir: Path) -> None:
    tab = step1(example_dir)
    grid = opened(tab, "usg")
    scorers = [v for _, v in grid.scorer.options]
    first, second = scorers[1], scorers[2]
    grid.scorer.value = first
    need = next(iter(grid.boxes))
    saved_first = tuple(b.value for b in grid.boxes[need])
    typed = ("5", "4", "3") if saved_first != ("5", "4", "3") else ("1", "2", "3")
    for box, value in zip(grid.boxes[need], typed):
        box.value = value
    assert grid.draft_note.value == ""
    before = _csv(example_dir, "usg_scores")
    grid.scorer.value = second
    assert "belum disimpan" in grid.draft_note.value
    scores = tab.session.plan["usg_scores"]
    mine = scores[(scores["scorer"].astype(str) == second) & (scores["need_id"] == need)]
    shown = tuple(b.value for b in grid.boxes[need])
    expected = tuple(str(int(mine.iloc[0][c])) for c in ("urgency", "seriousness", "growth")) if len(mine) \
        else ("", "", "")
    assert shown == expected  # the second scorer's own scores, not the draft
    grid.scorer.value = first
    assert tuple(b.value for b in grid.boxes[need]) == typed
    assert _csv(example_dir, "usg_scores") == before  # a draft is not saved
    grid.save_button.click()
    assert grid.status.kind == "ok", grid.status.text
    assert grid.draft_note.value == ""
    assert not grid.drafts
    disk = storage.load_plan(example_dir)["usg_scores"]
    row = disk[(disk["scorer"].astype(str) == first) & (disk["need_id"] == need)].iloc[0]
    assert (str(row["urgency"]), str(row["seriousness"]), str(row["growth"])) == typed


def test_switching_meeting_keeps_unsaved_ticks(example_dir: Path) -> None:
    tab = step0(example_dir)
    panel = opened(tab, "attendance")
    panel.meeting.value = "M02"
    absent = next(pid for pid, b in panel.boxes.items() if not b.value)
    panel.boxes[absent].value = True
    panel.meeting.value = "M01"
    assert "belum disimpan" in panel.draft_note.value
    assert "M02" in panel.draft_note.value
    saved_m01 = set(tab.session.plan["attendance"].query("meeting_id == 'M01'")["participant_id"])
    assert {pid for pid, b in panel.boxes.items() if b.value} == saved_m01
    panel.meeting.value = "M02"
    assert panel.boxes[absent].value
    panel.save_button.click()
    assert panel.status.kind == "ok"
    assert panel.draft_note.value == ""
    att = storage.load_plan(example_dir)["attendance"]
    assert absent in set(att[att["meeting_id"] == "M02"]["participant_id"])


# -- reload after a concurrent change -------------------------------------------------------
def test_reload_after_a_concurrent_change_keeps_the_typing(example_dir: Path) -> None:
    tab = step0(example_dir)
    editor = opened(tab, "participants")
    editor.new_button.click()
    new_id = editor.fields["participant_id"].value
    editor.fields["name"].value = "Bu Warsini"
    editor.fields["sex"].value = "P"
    editor.fields["consent"].value = "ya"
    # another kernel changes participants.csv between load and save
    other = storage.load_plan(example_dir)
    frame = other.copy_table("participants").astype("object")
    frame.loc[0, "name"] = "Nama Diganti Orang Lain"
    storage.save_tables(other, {"participants": frame})
    assert editor.reload_button.layout.display == "none"
    editor.save_button.click()
    assert editor.status.kind == "error"
    assert editor.reload_button.layout.display != "none"
    assert new_id not in _ids(example_dir, "participants", "participant_id")
    editor.reload_button.click()
    assert editor.fields["name"].value == "Bu Warsini"
    assert editor.fields["sex"].value == "P"
    assert editor.fields["consent"].value == "ya"
    assert editor.fields["participant_id"].value == new_id
    assert editor.reload_button.layout.display == "none"
    editor.save_button.click()
    assert editor.status.kind == "ok", editor.status.text
    disk = storage.load_plan(example_dir)["participants"].set_index("participant_id")
    assert disk.loc[new_id, "name"] == "Bu Warsini"
    assert disk.iloc[0]["name"] == "Nama Diganti Orang Lain"  # the other person's change is kept
    assert isinstance(disk, pd.DataFrame)


def test_an_empty_form_is_refused_naming_the_field_and_nothing_is_written(example_dir: Path) -> None:
    from rtplan import storage
    from rtplan.ui.base import TableEditor, open_session

    before = (example_dir / "funds.csv").read_bytes()
    editor = TableEditor(open_session(example_dir), "funds")
    editor.start_new()
    assert editor.save() is False
    assert "Sumber dana" in editor.status.text
    assert ".csv" not in editor.status.text
    assert (example_dir / "funds.csv").read_bytes() == before
    # and storage never writes a row whose every cell is empty
    plan = storage.load_plan(example_dir)
    funds = plan.copy_table("funds")
    blank = funds.iloc[:1].copy()
    blank.loc[:, :] = None
    storage.save_tables(plan, {"funds": pd.concat([funds, blank], ignore_index=True)})
    assert (example_dir / "funds.csv").read_bytes() == before


def test_switching_participant_keeps_unsaved_dots_as_a_draft(example_dir: Path) -> None:
    tab = step1(example_dir)
    panel = opened(tab, "dots")
    panel.participant.value = "P003"
    saved_n12 = panel.boxes["N12"].value
    panel.boxes["N12"].value = "4"
    before = _csv(example_dir, "votes")
    panel.participant.value = "P005"
    assert "belum disimpan" in panel.draft_note.value
    assert "P003" in panel.draft_note.value
    votes = tab.session.plan["votes"]
    mine = votes[(votes["participant_id"] == "P005") & (votes["need_id"] == "N12")]
    assert panel.boxes["N12"].value == (str(int(mine.iloc[0]["dots"])) if len(mine) else "")  # P005's own
    panel.participant.value = "P003"
    assert panel.boxes["N12"].value == "4"
    assert saved_n12 != "4"
    assert _csv(example_dir, "votes") == before  # a draft is not saved
    panel.save_button.click()
    assert panel.status.kind == "ok", panel.status.text
    assert panel.draft_note.value == ""
    disk = storage.load_plan(example_dir)["votes"]
    assert int(disk[(disk["participant_id"] == "P003") & (disk["need_id"] == "N12")].iloc[0]["dots"]) == 4
