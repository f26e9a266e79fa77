"""The "Buat handout" button: one click makes the PDF from the plan as it is and links to it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from rtplan import storage
from rtplan.ui.documents import HandoutPanel


def test_when_clicked_then_the_pdf_is_made_from_the_saved_plan_and_linked(
        example_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = storage.load_plan(example_dir)
    decisions = plan.copy_table("decisions")
    decisions.loc[len(decisions) - 1, "decision"] = "Keputusan baru sebelum klik"
    storage.save_tables(plan, {"decisions": decisions})  # a save just before the click is in the PDF
    panel = HandoutPanel(example_dir, output_dir=tmp_path / "out")
    assert panel.meeting.value == "M02"
    assert panel.button.description == "Buat handout"
    panel.size.value = "short"
    monkeypatch.setenv("RTPLAN_WORKSHOP", "1")  # as on the workshop page
    said: list[str] = []
    panel.stage.observe(lambda change: said.append(change["new"]), names="value")
    panel.button.click()
    # the page says what happens in the room's words: no notebook, file, folder or PDF engine
    assert said == ["Mengisi handout dengan data rencana ...", "Menyusun halaman ...", "Mencetak PDF ...",
                        "Selesai: handout siap diunduh."], said
    assert ">Unduh handout (PDF)</a>" in panel.result.value
    assert f'download="{panel.path.name}"' in panel.result.value
    monkeypatch.delenv("RTPLAN_WORKSHOP")
    assert panel.path is not None
    assert panel.path.exists()
    assert panel.path.parent == tmp_path / "out"
    assert len(PdfReader(panel.path).pages) <= 2
    assert panel.progress.value == panel.STAGES
    panel.size.value = "full"
    panel.button.click()
    assert "Selesai" in panel.stage.value
    assert f">{panel.path.name}</a>" in panel.result.value  # JupyterLab: a link to the file
    assert 'href="' in panel.result.value
    text = "\n".join(p.extract_text() for p in PdfReader(panel.path).pages)
    assert "Keputusan baru sebelum klik" in text
    assert not panel.button.disabled


def test_when_the_build_is_refused_then_the_panel_says_why(example_dir: Path) -> None:
    panel = HandoutPanel(example_dir, output_dir=example_dir)  # into the plan folder: refused
    panel.button.click()
    assert panel.path is None
    assert "✘" in panel.result.value
    assert not panel.button.disabled
