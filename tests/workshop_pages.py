"""Page objects for the workshop pages (Voila, no code): what a facilitator sees and does.

The tests say what a facilitator does ("go to step 1", "open the *Skor USG* tab",
"type 5 in *Kebutuhan/masalah*", "press *Simpan*", "wait for the saved line") and
these helpers find it the way a person would: by the step, the tab's label, the
field's label and the button's text, scoped to what is visible on screen.

:func:`workshop_site` starts the site: ``rtplan workshop`` (``workshop_server`` in
``browser.py``) when it exists, else Voila on parameterised copies of the step
notebooks (the same notebooks with ``PLAN`` set).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import browser
from notebook_runner import ROOT, parameterised_copy

STEP_NOTEBOOKS = ("00_profil_peserta.ipynb", "01_kebutuhan.ipynb", "02_sumber_daya.ipynb", "03_jadwal.ipynb",
                  "04_pemantauan.ipynb", "05_handout.ipynb")
PAGE_TIMEOUT = 180_000  # ms: a step page (a kernel started, every cell run) on a loaded 2-core machine
ACTION_TIMEOUT = 60_000  # ms: one click or save answered by the kernel
WIDTH, HEIGHT = 1280, 720  # the projector


@dataclass
class Site:
    """A running workshop: the address of each step page, and how it was started."""

    step_url: Callable[[int], str]
    mode: str  # "workshop" (rtplan workshop) or "voila" (Voila on notebook copies)
    process: Any


@contextlib.contextmanager
def workshop_site(plan: Path, work: Path) -> Iterator[Site]:
    """Serve the six step pages on ``plan`` on 127.0.0.1 (a free port); stop the server afterwards.

    * ``rtplan workshop PLAN`` on the step notebooks when they take the plan from the
      workshop (their ``parameters`` cell says ``PLAN = None``);
    * ``rtplan workshop PLAN`` on copies of the notebooks with ``PLAN`` set to ``plan``
      (``RTPLAN_NOTEBOOKS``) while they still name the example plan: a test must never
      write into ``data/``;
    * Voila on those copies when there is no ``rtplan workshop`` yet, or when
      ``RTPLAN_TEST_WORKSHOP=voila`` asks for it (to tell the workshop's own problems
      from the pages').
    """
    server_cm = getattr(browser, "workshop_server", None)
    if os.environ.get("RTPLAN_TEST_WORKSHOP") == "voila":
        server_cm = None
    if server_cm is not None and notebooks_take_plan_from_workshop():
        with server_cm(plan) as server:
            yield Site(server.step_url, "workshop", server.process)
        return
    pages = work / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    for name in STEP_NOTEBOOKS:
        parameterised_copy(ROOT / "notebooks" / name, pages, PLAN=str(plan), LANG=None)
    if server_cm is not None:
        with _environ(RTPLAN_NOTEBOOKS=str(pages)), server_cm(plan) as server:
            yield Site(server.step_url, "workshop-copies", server.process)
        return
    # what the workshop tells its kernels: charts as PNG (an SVG in a live Output can stall Voila), PDFs as links
    with _environ(RTPLAN_WORKSHOP="1"), browser.jupyter_server(pages, app="voila") as voila:
        yield Site(lambda n: voila.page_url(f"/voila/render/{STEP_NOTEBOOKS[n]}"), "voila", voila.process)


def notebooks_take_plan_from_workshop() -> bool:
    """Whether every step notebook's ``parameters`` cell leaves ``PLAN`` to the workshop (``PLAN = None``)."""
    import nbformat

    for name in STEP_NOTEBOOKS:
        nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
        params = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
        if not params or not re.search(r"^PLAN\s*=\s*None\b", params[0].source, re.MULTILINE):
            return False
    return True


@contextlib.contextmanager
def _environ(**values: str) -> Iterator[None]:
    """Set environment variables for what is started inside (restored afterwards)."""
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _exact(text: str) -> re.Pattern[str]:
    """Text equal to ``text`` (spaces around ignored), for labels and buttons."""
    return re.compile(rf"^\s*{re.escape(text)}\s*$")


class WorkshopPage:
    """One browser tab on the workshop, driven as a facilitator would.

    Parameters
    ----------
    page : a playwright page (1280x720).
    site : the running workshop.
    shots : where screenshots go (numbered in the order taken).
    """

    def __init__(self, page: Any, site: Site, shots: Path) -> None:
        self.page = page
        self.site = site
        self.shots = shots
        self.step_no: int | None = None
        self.taken: list[Path] = []
        page.set_default_timeout(ACTION_TIMEOUT)

    # -- where we are ----------------------------------------------------------------
    def goto_step(self, n: int, ready: str | None = None) -> None:
        """Open step ``n`` (0 profil ... 5 handout) and wait until its panels (or ``ready``) are on screen."""
        self.page.goto(self.site.step_url(n), wait_until="commit", timeout=PAGE_TIMEOUT)
        self.wait_step(n, ready)

    def wait_step(self, n: int, ready: str | None = None) -> None:
        """Wait until the page of step ``n`` has run every cell and shows its panels (or ``ready``)."""
        self.step_no = n
        self.page.wait_for_load_state("load", timeout=PAGE_TIMEOUT)  # every cell has run
        target = self.page.locator(ready) if ready else self.step
        target.first.wait_for(state="visible", timeout=PAGE_TIMEOUT)

    @property
    def step(self) -> Any:
        """The step's main panel (the tabs of steps 0-4, the handout panel of step 5)."""
        if self.step_no == 5:
            return self.page.locator(".widget-vbox:visible", has=self.page.locator(
                "button:visible", has_text=_exact("Buat handout"))).last
        return self.page.locator(f".rtplan-step{self.step_no}")

    @property
    def panel(self) -> Any:
        """The tab on screen in the step (the whole step panel for step 5)."""
        if self.step_no == 5:
            return self.step
        return self.step.locator(":scope > .widget-tab-contents > :not(.lm-mod-hidden)").first

    def tab(self, label: str) -> Any:
        """Open the tab labelled ``label`` in the step; return its panel."""
        tab = self.step.locator(".lm-TabBar-tab", has=self.page.locator(".lm-TabBar-tabLabel",
                                                                         has_text=_exact(label)))
        tab.click()
        self.page.wait_for_function("el => el.classList.contains('lm-mod-current')", arg=tab.element_handle())
        return self.panel

    # -- reading and typing --------------------------------------------------------------
    def field(self, label: str, scope: Any = None) -> Any:
        """The input, text area or list of the visible field labelled ``label`` (a ``*`` after it is ignored)."""
        scope = scope if scope is not None else self.panel
        pattern = re.compile(rf"^\s*{re.escape(label)}( \*)?\s*$")
        box = scope.locator(".widget-inline-hbox:visible", has=self.page.locator("label.widget-label",
                                                                                 has_text=pattern))
        return box.locator("input, textarea, select").first

    def fill(self, label: str, value: str, scope: Any = None) -> None:
        """Type ``value`` in the field labelled ``label`` (replacing what is there)."""
        self.field(label, scope).fill(value)  # sent to the kernel before any later click (one channel, in order)

    def choose(self, label: str, option: str | list[str], scope: Any = None) -> None:
        """Pick ``option`` (its shown text; a list for a multiple choice) in the list labelled ``label``."""
        self.field(label, scope).select_option(label=option)

    def choose_containing(self, label: str, text: str, scope: Any = None) -> str:
        """Pick the first option of the list labelled ``label`` whose text contains ``text``; return it."""
        field = self.field(label, scope)
        options = [" ".join(o.split()) for o in field.locator("option").all_inner_texts()]  # &nbsp; as spaces
        found = next((i for i, o in enumerate(options) if text in o), None)
        assert found is not None, f"no option with {text!r} in {label!r}: {options}"
        field.select_option(index=found)
        return options[found]

    def new_row(self, key_label: str, new_text: str = "Baru") -> str:
        """Press *Baru* in a table form and wait until the form is empty with a new id; return the id.

        The kernel empties the form, then frees the id field: typing before that could be wiped.
        """
        self.press(new_text)
        key = self.field(key_label)
        # the id is read in the same check that sees it (a second read could race a refresh of the form)
        found = self.page.wait_for_function("el => !el.disabled && el.value !== '' ? el.value : null",
                                            arg=key.element_handle())
        return str(found.json_value())

    def choose_where(self, css: str, option: str | list[str], scope: Any = None) -> None:
        """Pick ``option`` in the list of the widget with class ``css`` (a list without a label)."""
        scope = scope if scope is not None else self.panel
        scope.locator(f"{css} select").select_option(label=option)

    def pick_radio(self, option: str, scope: Any = None) -> None:
        """Pick the visible radio button whose text is ``option``."""
        scope = scope if scope is not None else self.panel
        label = scope.locator(".widget-radio-box:visible label", has_text=_exact(option))
        label.click()  # on its text, as a person does
        self.page.wait_for_function("el => el.checked", arg=label.locator("input").element_handle())

    def tick(self, label: str, scope: Any = None) -> None:
        """Tick the checkbox labelled ``label``."""
        scope = scope if scope is not None else self.panel
        box = scope.locator(".widget-checkbox:visible", has=self.page.locator("label", has_text=_exact(label)))
        box.locator("input[type=checkbox]").check()

    def press(self, text: str, scope: Any = None) -> None:
        """Press the visible button whose text is ``text``."""
        scope = scope if scope is not None else self.panel
        scope.locator("button:visible", has_text=_exact(text)).first.click()

    def status(self, scope: Any = None) -> Any:
        """The status line(s) under the forms on screen."""
        scope = scope if scope is not None else self.panel
        return scope.locator(".rtplan-status:visible")

    def wait_status(self, text: str | re.Pattern[str], scope: Any = None, timeout: float = ACTION_TIMEOUT) -> str:
        """Wait for a status line containing ``text``; return its text."""
        line = self.status(scope).filter(has_text=text).first
        line.wait_for(state="visible", timeout=timeout)
        return str(line.inner_text())

    def wait_saved(self, scope: Any = None, timeout: float = ACTION_TIMEOUT) -> str:
        """Wait for the green "saved" line (✔); fail at once with the message when a red one (✘) shows."""
        scope = scope if scope is not None else self.panel
        ok = scope.locator(".rtplan-status:visible", has_text="✔")
        bad = scope.locator(".rtplan-status:visible", has_text="✘")
        ok.or_(bad).first.wait_for(state="visible", timeout=timeout)
        if bad.count():
            raise AssertionError(f"refused: {bad.first.inner_text()}")
        return str(ok.first.inner_text())

    def shot(self, name: str, full_page: bool = False, focus: Any = None) -> Path:
        """A screenshot of what is on screen now (numbered, kept in ``shots``), ``focus`` scrolled into view."""
        if focus is not None:
            focus.first.scroll_into_view_if_needed()
        path = self.shots / f"{len(self.taken) + 1:02d}-{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        self.taken.append(path)
        return path


def wait_for_file(path: Path, changed_from: bytes | None, timeout: float = 30) -> bytes:
    """Poll ``path`` until its bytes differ from ``changed_from`` (or it exists); return them."""
    deadline = time.monotonic() + timeout
    while True:
        now = path.read_bytes() if path.exists() else None
        if now is not None and now != changed_from:
            return now
        assert time.monotonic() < deadline, f"{path.name} did not change within {timeout:.0f} s"
        time.sleep(0.2)


def snapshot(plan: Path) -> dict[str, bytes]:
    """Every file of the plan folder (not its history) by name: to check nothing changed."""
    return {p.name: p.read_bytes() for p in sorted(plan.iterdir()) if p.is_file() and not p.name.startswith(".")}


def keep_dir(name: str) -> Path:
    """Where a failed test's screenshots are copied: ``$RTPLAN_TEST_SCREENSHOTS`` or the temp folder."""
    base = Path(os.environ.get("RTPLAN_TEST_SCREENSHOTS") or Path(tempfile.gettempdir()) / "rtplan-test-screenshots")
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return base / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', name)}-{stamp}"


@contextlib.contextmanager
def facilitator(plan: Path, tmp_path: Path, test_name: str) -> Iterator[WorkshopPage]:
    """A workshop on ``plan`` and a 1280x720 browser on it; screenshots kept.

    A screenshot is taken at the end (and at a failure); on failure every screenshot
    is copied to :func:`keep_dir` and the assertion message names that folder.
    """
    shots = tmp_path / "screenshots"
    shots.mkdir(exist_ok=True)
    examples_before = _tree(ROOT / "data")
    with workshop_site(plan, tmp_path) as site, browser.chromium_page(WIDTH, HEIGHT) as page:
        wp = WorkshopPage(page, site, shots)
        (shots / "site.txt").write_text(f"served by: {site.mode}\n", encoding="utf-8")
        try:
            yield wp
        except BaseException as exc:
            with contextlib.suppress(Exception):
                wp.shot("failure")
                wp.shot("failure-full", full_page=True)
            kept = keep_dir(test_name)
            shutil.copytree(shots, kept, dirs_exist_ok=True)
            raise AssertionError(f"{type(exc).__name__}: {exc}\n(screenshots kept in {kept})") from exc
        wp.shot("end")
    changed = sorted(set(_tree(ROOT / "data").items()) ^ set(examples_before.items()))
    assert not changed, f"the workshop wrote into the example plans in data/: {sorted({n for n, _ in changed})}"


def _tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (history included) by relative path."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
