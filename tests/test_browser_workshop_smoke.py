"""``rtplan workshop`` in headless Chromium: every step page at 1280x720 shows no code, no
traceback, no error box, no English in the Indonesian UI, body text of at least 20 px,
and asks nothing of any host but 127.0.0.1; Ctrl-C stops the workshop, Voila and every
kernel. A plan folder that does not exist yet is created from the first page.

Screenshots of every step go to ``tmp_path/shots`` (pytest keeps the last runs' folders)
or to ``RTPLAN_SHOTS_DIR`` when set.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlparse

import nbformat
import pytest
from browser import chromium_page, workshop_server
from conftest import MAIN_EXAMPLE, copy_example

from rtplan.render.filters import _ITALIC_LINE
from rtplan.workshop import STEP_NOTEBOOKS, _alive, descendants, notebooks_dir

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

PAGE_TIMEOUT = 240_000  # ms: a loaded 2-core machine runs a step's cells in 5-30 s


def _shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("RTPLAN_SHOTS_DIR") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _open_step(page, url: str) -> None:  # type: ignore[no-untyped-def]
    """Open a step page and wait until Voila ran every cell and the header widget is drawn."""
    page.goto(url, wait_until="commit", timeout=PAGE_TIMEOUT)
    page.wait_for_selector("#rendered_cells", state="visible", timeout=PAGE_TIMEOUT)
    page.wait_for_selector(".rtplan-header .rtplan-stepbar", timeout=PAGE_TIMEOUT)
    page.wait_for_load_state("load", timeout=PAGE_TIMEOUT)


def _english_lines(name: str) -> list[str]:
    nb = nbformat.read(notebooks_dir() / name, as_version=4)
    lines = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                match = _ITALIC_LINE.match(line)
                if match:
                    lines.append(match.group("text").replace("**", "").replace("*", "").strip())
    return lines


def _font_px(page, selector: str) -> list[float]:  # type: ignore[no-untyped-def]
    return [float(v) for v in page.eval_on_selector_all(
        selector, "els => els.filter(e => e.offsetParent !== null && e.innerText.trim())"
                  ".map(e => parseFloat(getComputedStyle(e).fontSize))")]


def test_every_step_page_is_code_free_large_offline_and_ctrl_c_stops_everything(tmp_path: Path) -> None:
    plan = copy_example(MAIN_EXAMPLE, tmp_path)
    shots = _shots(tmp_path)
    with workshop_server(plan) as ws, chromium_page(1280, 720) as page:
        assert ws.url.startswith("http://127.0.0.1:")
        assert "/voila/render/00_profil_peserta.ipynb?token=" in ws.url
        assert any(line.startswith("Buka di peramban: http://127.0.0.1:") for line in ws.output)
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.on("websocket", lambda s: requests.append(s.url))
        for step, name in enumerate(STEP_NOTEBOOKS):
            try:
                _open_step(page, ws.step_url(step))
            finally:
                page.screenshot(path=str(shots / f"step{step}.png"))
            where = f"step {step} ({shots / f'step{step}.png'})"
            assert page.locator(".rtplan-stepbar .rtplan-current").inner_text().startswith(str(step)), where
            # no code, no error box, no traceback, no Python repr
            assert page.locator(".jp-InputArea, .jp-InputPrompt, .CodeMirror, .cm-editor").count() == 0, where
            assert page.locator(".rtplan-cellfailed, .rtplan-noplan").count() == 0, where
            assert page.locator("[data-mime-type='application/vnd.jupyter.stderr']:visible").count() == 0, where
            text = page.inner_text("body")
            for bad in ("Traceback", "Error", "There was an error", "object at 0x", "(children=", "PLAN", "import "):
                assert bad not in text, f"{where}: {bad!r} on the page"
            # no English in the Indonesian page
            for line in _english_lines(name):
                assert line not in text, f"{where}: English line shown: {line!r}"
            # large type: the body and every visible paragraph, label, button and tab
            assert float(page.evaluate("getComputedStyle(document.body).fontSize").removesuffix("px")) >= 20, where
            sizes = _font_px(page, ".rtplan-md p, .widget-label, .jupyter-button, .lm-TabBar-tabLabel, "
                                   ".jp-RenderedHTMLCommon td")
            assert sizes, where
            assert min(sizes) >= 20, f"{where}: text smaller than 20 px: {sorted(set(sizes))[:5]}"
        hosts = {urlparse(u).hostname for u in requests if u.startswith(("http", "ws"))}
        assert hosts == {"127.0.0.1"}, f"requests left the machine: {sorted(h or '' for h in hosts)}"
        below = descendants(ws.process.pid)
        assert len(below) >= 2, "Voila and at least one kernel run under the workshop"
        code = ws.stop()  # SIGINT, as Ctrl-C in the terminal
        assert code == 0, ws.server_log()[-3000:]
        assert ws.output[-1] == "Lokakarya dihentikan."
        left = [pid for pid in below if _alive(pid)]
        assert not left, f"processes left behind: {left}"


def test_a_new_plan_folder_is_created_from_the_first_page(tmp_path: Path) -> None:
    target = tmp_path / "rencana" / "rt07"
    shots = _shots(tmp_path)
    with workshop_server(target) as ws, chromium_page(1280, 720) as page:
        assert any("belum berisi rencana" in line for line in ws.output)
        _open_step(page, ws.url)
        page.screenshot(path=str(shots / "new-plan.png"))
        # the panels below say "choose a plan first", one sentence each, no error box
        assert page.locator(".rtplan-cellfailed").count() == 0
        assert page.locator(".rtplan-noplan").count() >= 2
        assert "Traceback" not in page.inner_text("body")
        form = page.locator(".rtplan-picker")
        form.locator(".widget-text:has(label:text-is('RT')) input").fill("7")
        form.locator(".widget-text:has(label:text-is('RW')) input").fill("2")
        form.locator(".widget-text:has(label:text-is('Kelurahan')) input").fill("Mekarsari")
        form.locator("button:has-text('Buat rencana baru')").click()
        # the page opens itself on the new plan: no reload by hand (the link under the note is only
        # for a browser that does not); waiting for the link would race the page leaving
        page.wait_for_url(re.compile(r"[?&]plan="), timeout=60_000)
        assert (target / "plan.toml").is_file()
        page.wait_for_selector(".rtplan-planname", timeout=PAGE_TIMEOUT)
        page.wait_for_selector("#rendered_cells", state="visible", timeout=PAGE_TIMEOUT)
        page.screenshot(path=str(shots / "new-plan-created.png"))
        assert re.search(r"RT 07/RW 02", page.inner_text(".rtplan-planname"))
        assert page.locator(".rtplan-cellfailed, .rtplan-noplan").count() == 0


def test_a_page_address_naming_a_folder_never_opened_opens_nothing(tmp_path: Path) -> None:
    from urllib.parse import quote

    plan = copy_example(MAIN_EXAMPLE, tmp_path)
    stranger = tmp_path / "dipilih-situs-lain"
    with workshop_server(plan) as ws, chromium_page(1280, 720) as page:
        remembered = ws.home / "rtplan" / "recent.json"
        before = remembered.read_bytes()
        _open_step(page, f"{ws.url}&plan={quote(str(stranger), safe='')}")
        page.screenshot(path=str(_shots(tmp_path) / "plan-refused.png"))
        assert "belum pernah dibuka" in page.inner_text(".rtplan-header")
        assert page.locator(".rtplan-planname").count() == 0
        assert "Traceback" not in page.inner_text("body")
        assert not stranger.exists()
        assert remembered.read_bytes() == before  # a GET changed nothing
        # the plan opened with `rtplan workshop` (on the recent list) opens by address
        _open_step(page, ws.step_url(1) + f"&plan={quote(str(plan.resolve()), safe='')}")
        assert page.locator(".rtplan-planname").count() == 1
        assert remembered.read_bytes() == before


def test_buat_handout_gives_a_pdf_to_download_in_the_workshop(tmp_path: Path) -> None:
    plan = copy_example(MAIN_EXAMPLE, tmp_path)
    with workshop_server(plan, "--step", "5") as ws, chromium_page(1280, 720) as page:
        assert "/voila/render/05_handout.ipynb?token=" in ws.url
        _open_step(page, ws.url)
        page.locator("button:has-text('Buat handout')").first.click()
        link = page.wait_for_selector("a.rtplan-download", timeout=PAGE_TIMEOUT)
        page.screenshot(path=str(_shots(tmp_path) / "handout-link.png"))
        assert (link.get_attribute("href") or "").startswith("data:application/pdf;base64,")
        with page.expect_download(timeout=60_000) as info:
            link.click()
        saved = tmp_path / "downloaded.pdf"
        info.value.save_as(saved)
        assert info.value.suggested_filename.endswith(".pdf")
        assert saved.read_bytes().startswith(b"%PDF")
        assert saved.stat().st_size > 10_000
