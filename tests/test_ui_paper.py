"""Issue 18: the typed-back worksheet panel, headless (set values, click save, read the CSV)."""

from __future__ import annotations

from pathlib import Path

from rtplan import storage
from rtplan.ui.base import PlanSession
from rtplan.ui.paper import PaperOutputPanel, SheetEntryPanel


def test_usg_grid_saves_and_bad_values_are_refused(example_dir: Path) -> None:
    panel = SheetEntryPanel(PlanSession(example_dir))
    panel.kind.value = "usg"
    panel.who.value = "P007"
    needs = list(panel.cells)
    assert needs[:3] == ["N01", "N02", "N03"]
    for i, nid in enumerate(needs):
        for cell, v in zip(panel.cells[nid], (5, 4, 1 + i % 5)):
            cell.value = str(v)
    panel.cells[needs[1]][2].value = "9"  # a wrong value: nothing is saved
    before = (example_dir / "usg_scores.csv").read_bytes()
    panel.save_button.click()
    assert panel.status.kind == "error"
    assert "N02 G: '9' bukan angka 1 sampai 5" in panel.status.text
    assert (example_dir / "usg_scores.csv").read_bytes() == before
    panel.cells[needs[1]][2].value = "2"
    panel.save_button.click()
    assert panel.status.kind == "ok", panel.status.text
    saved = storage.load_plan(example_dir)["usg_scores"]
    mine = saved[saved["scorer"] == "P007"].set_index("need_id")
    assert len(mine) == len(needs)
    assert list(mine.loc["N02", ["urgency", "seriousness", "growth"]]) == [5, 4, 2]
    assert list(mine.loc["N01", ["urgency", "seriousness", "growth"]]) == [5, 4, 1]


def test_pairwise_and_dots_grids(example_dir: Path, tmp_path: Path) -> None:
    from rtplan.documents.worksheets import sheet_pairs, write_worksheets

    panel = SheetEntryPanel(PlanSession(example_dir), top=4)
    panel.kind.value = "pairwise"
    assert not panel.cells and "tidak pernah dicetak" in panel.grid_box.children[0].value  # nothing printed yet
    plan = storage.load_plan(example_dir)
    write_worksheets(plan, tmp_path / "ws.html", top=4, scorers=[], blank=0, fmt="html")
    panel.kind.value = "dots"
    panel.kind.value = "pairwise"  # the grid of the sheet printed: its pairs, in its order
    assert len(panel.cells) == 6 == len(sheet_pairs(plan, 4))
    assert panel.who.value == ""
    panel.cells["1"][0].value = "A"
    panel.cells["2"][0].value = "seri"
    panel.save_button.click()
    assert panel.status.kind == "error" and "2 dari 6" in panel.status.text  # a partial sheet: said, not saved
    panel.partial.value = True
    panel.save_button.click()
    assert panel.status.kind == "ok", panel.status.text
    assert "Lembar Berpasangan tersimpan: 2 perbandingan." in panel.status.text
    assert ".csv" not in panel.status.text
    panel.kind.value = "dots"
    panel.who.value = "P003"
    panel.cells["N05"][0].value = "3"
    panel.save_button.click()
    votes = storage.load_plan(example_dir)["votes"]
    row = votes[(votes["participant_id"] == "P003") & (votes["need_id"] == "N05")]
    assert list(row["dots"]) == [3]
    panel.cells["N05"][0].value = "banyak"
    panel.save_button.click()
    assert panel.status.kind == "error"
    assert "N05: 'banyak'" in panel.status.text


def test_output_buttons_write_outside_the_plan(example_dir: Path, tmp_path: Path) -> None:
    panel = PaperOutputPanel(PlanSession(example_dir), output_dir=str(tmp_path / "exports"))
    panel.cards_button.click()
    assert panel.status.kind == "ok", panel.status.text
    assert any(p.name.startswith("kartu-") for p in (tmp_path / "exports").rglob("*.png"))
    inside = PaperOutputPanel(PlanSession(example_dir), output_dir=str(example_dir))
    inside.cards_button.click()
    assert inside.status.kind == "error"
    assert "folder rencana" in inside.status.text
