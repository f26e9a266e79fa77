"""The safety net in a real browser: JupyterLab, step 4, the cash book.

A cash-book entry is picked and "Hapus" clicked: a question names the entry and what
depends on it, nothing is written until "Ya, hapus"; then the entry is gone from
``ledger.csv``; "Urungkan" brings the file back byte for byte. Screenshots of the
panel at each step are kept under ``tmp_path`` (and copied to ``/tmp/shots-undo/``
to look at). Every wait is for a selector or a page condition.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from browser import chromium_page, jupyter_server, run_all_cells_in_lab
from conftest import MAIN_EXAMPLE, copy_example
from notebook_runner import ROOT, parameterised_copy

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SHOTS = Path("/tmp/shots-undo")
ENTRY = "K029"  # "Koreksi: iuran Januari satu KK tercatat dua kali": nothing refers to it


def _ids(plan: Path) -> list[str]:
    lines = (plan / "ledger.csv").read_text(encoding="utf-8").splitlines()[1:]
    return [line.split(",", 1)[0] for line in lines]


def test_delete_confirm_undo_of_a_cash_entry_in_jupyterlab(tmp_path: Path) -> None:
    work = tmp_path / "lab"
    work.mkdir()
    shots = tmp_path / "shots"
    shots.mkdir()
    plan = copy_example(MAIN_EXAMPLE, work)
    original = (plan / "ledger.csv").read_bytes()
    assert ENTRY in _ids(plan)
    nb = parameterised_copy(ROOT / "notebooks" / "04_pemantauan.ipynb", work, PLAN=str(plan), LANG=None)
    cells = sum(c["cell_type"] == "code" for c in json.loads(nb.read_text())["cells"])
    taken: list[Path] = []

    def shot(panel, name: str) -> None:  # type: ignore[no-untyped-def]
        path = shots / f"{len(taken) + 1}-{name}.png"
        panel.screenshot(path=str(path))
        taken.append(path)

    with jupyter_server(work) as server, chromium_page(1400, 1100) as page:
        page.goto(server.notebook_url(nb.name))
        run_all_cells_in_lab(page, cells, timeout=180)
        # JupyterLab's "news?" toast would cover the panel in the screenshots
        page.add_style_tag(content=".jp-toast-container, .Toastify { display: none !important; }")
        step4 = page.locator(".rtplan-step4")
        step4.wait_for(timeout=90000)
        step4.locator(".lm-TabBar-tab", has_text="Buku kas").click()
        editor = page.locator(".rtplan-editor-ledger")
        editor.wait_for(timeout=30000)
        status = editor.locator(".rtplan-status")
        # 1. pick the entry: it is shown in the form
        rows = editor.locator(".rtplan-rows-ledger select")
        rows.locator("option").first.wait_for(state="attached", timeout=20000)
        label = next(o for o in rows.locator("option").all_inner_texts() if o.startswith(ENTRY))
        rows.select_option(label=label)  # ipywidgets' options carry the label, not the id
        page.wait_for_function(
            "() => [...document.querySelectorAll('.rtplan-editor-ledger .rtplan-field-description textarea, "
            ".rtplan-editor-ledger .rtplan-field-description input')].some(e => e.value.startsWith('Koreksi'))",
            timeout=20000)
        editor.locator(".rtplan-field-entry_id input:disabled").wait_for(timeout=20000)  # a saved row's id is fixed
        undo = editor.locator("button.rtplan-undo-ledger")
        assert undo.is_disabled()
        shot(editor, "dipilih")
        # 2. Hapus: a question naming the entry and what depends on it; nothing written yet
        editor.locator("button.rtplan-delete-ledger").click()
        question = editor.locator(".rtplan-confirm")
        question.locator("text=Tidak ada baris lain yang memakainya").wait_for(timeout=20000)
        text = question.inner_text()
        assert f"Hapus {ENTRY}" in text, text
        assert "2027-01-28" in text, text  # the entry as the list shows it: id, date, amount
        assert "Ya, hapus" in text, text
        assert "Batal" in text, text
        assert (plan / "ledger.csv").read_bytes() == original
        shot(editor, "ditanya")
        # 3. Ya, hapus: the entry is gone from disk and from the list
        editor.locator("button.rtplan-confirm-yes-ledger").click()
        status.locator(f"text={ENTRY} dihapus").wait_for(timeout=20000)
        assert ENTRY not in _ids(plan)
        assert len(_ids(plan)) == original.decode().count("\n") - 2
        options = editor.locator(".rtplan-rows-ledger select option").all_inner_texts()
        assert not any(o.startswith(ENTRY) for o in options), options
        assert question.is_hidden()
        assert undo.is_enabled()
        shot(editor, "dihapus")
        # 4. Urungkan: back on disk byte for byte, and in the list
        undo.click()
        status.locator("text=Perubahan terakhir diurungkan").wait_for(timeout=20000)
        assert (plan / "ledger.csv").read_bytes() == original
        page.wait_for_function(
            f"() => [...document.querySelectorAll('.rtplan-rows-ledger select option')]"
            f".some(o => o.textContent.startsWith('{ENTRY}'))", timeout=20000)
        assert undo.is_disabled()
        # the entry that came back is shown in the form (not a new entry with its id)
        page.wait_for_function(
            "() => [...document.querySelectorAll('.rtplan-editor-ledger .rtplan-field-description textarea')]"
            ".some(e => e.value.startsWith('Koreksi'))", timeout=20000)
        shot(editor, "diurungkan")
    assert [p.name for p in taken] == ["1-dipilih.png", "2-ditanya.png", "3-dihapus.png", "4-diurungkan.png"]
    assert all(p.stat().st_size > 5000 for p in taken)
    SHOTS.mkdir(parents=True, exist_ok=True)
    for p in taken:
        shutil.copy(p, SHOTS / p.name)
