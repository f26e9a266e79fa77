"""End to end in a real browser: JupyterLab on 127.0.0.1, driven in headless Chromium."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from browser import chromium_page, jupyter_server, run_all_cells_in_lab
from conftest import MAIN_EXAMPLE, copy_example
from notebook_runner import ROOT, parameterised_copy

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def _code_cells(notebook: Path) -> int:
    return sum(c["cell_type"] == "code" for c in json.loads(notebook.read_text())["cells"])


def test_add_participant_in_jupyterlab(tmp_path: Path) -> None:
    work = tmp_path / "lab"
    work.mkdir()
    plan = copy_example(MAIN_EXAMPLE, work)
    before = (plan / "participants.csv").read_text(encoding="utf-8")
    nb = parameterised_copy(ROOT / "notebooks" / "00_profil_peserta.ipynb", work, PLAN=str(plan), LANG=None)
    with jupyter_server(work) as server, chromium_page() as page:
        page.goto(server.notebook_url(nb.name))
        run_all_cells_in_lab(page, _code_cells(nb))
        step0 = page.locator(".rtplan-step0")
        step0.wait_for(timeout=60000)
        step0.locator(".lm-TabBar-tab", has_text="Peserta").click()
        page.click("button.rtplan-new-participants")
        page.fill(".rtplan-field-name input", "Warga Dari Peramban")
        page.select_option(".rtplan-field-sex select", "P")
        page.select_option(".rtplan-field-age_band select", "18-24")
        # consent is asked explicitly (UU PDP): this resident declines to be printed
        page.locator(".rtplan-consent label", has_text="Tidak bersedia").click()
        page.click("button.rtplan-save-participants")
        deadline = time.monotonic() + 30
        while "Warga Dari Peramban" not in (plan / "participants.csv").read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, "participants.csv did not change"
            time.sleep(0.3)
        page.wait_for_selector(".rtplan-status >> text=P031", timeout=10000)
        page.screenshot(path=str(tmp_path / "lab-step0.png"))
    after = (plan / "participants.csv").read_text(encoding="utf-8")
    assert after.startswith(before)
    assert after[len(before):] == "P031,Warga Dari Peramban,P,18-24,,false,,false\n"
