"""Step 1 end to end in a real browser: the pairwise runner in JupyterLab saves a judgement."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from browser import chromium_page, jupyter_server, run_all_cells_in_lab
from conftest import MAIN_EXAMPLE, copy_example
from notebook_runner import ROOT, parameterised_copy

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_pairwise_runner_in_jupyterlab(tmp_path: Path) -> None:
    work = tmp_path / "lab"
    work.mkdir()
    plan = copy_example(MAIN_EXAMPLE, work)
    before = (plan / "pairwise.csv").read_text(encoding="utf-8")
    nb = parameterised_copy(ROOT / "notebooks" / "01_kebutuhan.ipynb", work, PLAN=str(plan), LANG=None)
    cells = sum(c["cell_type"] == "code" for c in json.loads(nb.read_text())["cells"])
    with jupyter_server(work) as server, chromium_page() as page:
        page.goto(server.notebook_url(nb.name))
        run_all_cells_in_lab(page, cells, timeout=180)
        step1 = page.locator(".rtplan-step1")
        step1.wait_for(timeout=90000)
        step1.locator(".lm-TabBar-tab", has_text="Berpasangan").click()
        page.select_option(".rtplan-pairwise-judge select", label="P002 · Dewi Lestari")
        page.click("button.rtplan-pairwise-start")
        page.wait_for_selector("text=Mana yang lebih penting?", timeout=20000)
        page.click("button.rtplan-pairwise-a")
        deadline = time.monotonic() + 30
        while (plan / "pairwise.csv").read_text(encoding="utf-8") == before:
            assert time.monotonic() < deadline, "pairwise.csv did not change"
            time.sleep(0.3)
        page.wait_for_selector(".rtplan-status >> text=tersimpan", timeout=10000)
        page.screenshot(path=str(tmp_path / "lab-step1-pairwise.png"))
    after = (plan / "pairwise.csv").read_text(encoding="utf-8")
    assert after.startswith(before)
    new = after[len(before):].strip().split(",")
    assert new[3] == "P002" and new[2] == new[0]  # need A won
