"""A save in the step pages, through the display path a kernel uses: the whole click,
the save alone, and each listener that redraws something.

Each step notebook is executed cell by cell in an in-process IPython kernel
(``ipykernel.inprocess``), as Voila executes a page, with ``RTPLAN_WORKSHOP=1`` as
``rtplan workshop`` sets it (charts as PNG, outputs as widget state), so every result is
shown through the kernel's display formatter (charts drawn, HTML rendered), not the
fallback the headless tests use. Then the facilitator's clicks are made in Python on the panels the
notebook built, with the tab of that panel open:

* the example plan ``data/contoh-rt05-rw03``: a USG score saved (step 1, tab USG) and an
  activity saved (step 3, tab Kegiatan);
* 200 needs x 40 scorers (8,000 USG rows): a USG score saved;
* 500 activities over a year: an activity saved.

For each click it prints the median of the whole click (``panel.save()``: the save and
every listener that runs after it), the save alone (``rtplan.storage.save_tables``,
timed inside the same click: the bare save), the ratio of the two, and the median time
of each listener (named by the panel that registered it). ``--profile`` also prints
cProfile's top functions (cumulative) of one whole click per case. A page's build (all
its cells) is timed once per notebook. Asserts nothing (no timed tests); say the load
average with the figures.

    python benchmarks/bench_panels.py [--repeat 5] [--profile] [--only example|needs|activities]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "data" / "contoh-rt05-rw03"
sys.path.insert(0, str(Path(__file__).resolve().parent))


def kernel_shell() -> Any:
    """An in-process kernel's shell: ``get_ipython()`` has a ``kernel``, widgets have comms."""
    from ipykernel.inprocess.manager import InProcessKernelManager

    km = InProcessKernelManager()
    km.start_kernel()
    shell = km.kernel.shell
    return km, shell


def run_notebook(shell: Any, notebook: Path, plan: Path) -> tuple[dict[int, Any], float]:
    """Execute a step notebook's code cells with ``PLAN`` set; the value of each cell and the seconds taken."""
    cells = [c for c in json.loads(notebook.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
    results: dict[int, Any] = {}
    start = time.perf_counter()
    for i, cell in enumerate(cells):
        source = "".join(cell["source"])
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            source = f"PLAN = {str(plan)!r}\nLANG = None"
        outcome = shell.run_cell(source, store_history=False)
        if outcome.error_in_exec is not None or outcome.error_before_exec is not None:
            raise RuntimeError(f"{notebook.name} cell {i}: {outcome.error_in_exec or outcome.error_before_exec!r}")
        results[i] = outcome.result
    return results, time.perf_counter() - start


def owner_name(listener: Callable[..., Any]) -> str:
    """Who registered a listener: the panel (and, for a live result, what it builds)."""
    import ipywidgets as w

    inner = getattr(listener, "listener", listener)
    owner = getattr(inner, "__self__", None)
    if owner is None:
        for cell in getattr(inner, "__closure__", None) or ():
            try:
                value = cell.cell_contents
            except ValueError:
                continue
            if isinstance(value, w.Widget):
                owner = value
                break
    if owner is None:
        return getattr(inner, "__qualname__", repr(inner))
    name = type(owner).__name__
    build = getattr(owner, "build", None)
    if build is not None:
        name += f"[{getattr(build, '__qualname__', '?').replace('<locals>.', '')}]"
    return name


class Timings:
    """Wraps the session's listeners and ``storage.save_tables`` for one click."""

    def __init__(self, session: Any) -> None:
        self.session = session
        self.save: list[float] = []
        self.listeners: dict[str, list[float]] = defaultdict(list)

    def __enter__(self) -> Timings:
        from rtplan import storage

        self._save_tables = storage.save_tables
        self._listeners = list(self.session._listeners)

        def timed_save(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return self._save_tables(*args, **kwargs)
            finally:
                self.save.append(time.perf_counter() - start)

        def wrap(listener: Callable[[set[str]], None], label: str) -> Callable[[set[str]], None]:
            def timed(changed: set[str]) -> None:
                start = time.perf_counter()
                try:
                    listener(changed)
                finally:
                    self.listeners[label].append(time.perf_counter() - start)
            timed.listener = listener  # type: ignore[attr-defined]
            return timed

        counts: dict[str, int] = defaultdict(int)
        wrapped = []
        for listener in self._listeners:
            label = owner_name(listener)
            counts[label] += 1
            wrapped.append(wrap(listener, label if counts[label] == 1 else f"{label} #{counts[label]}"))
        self.session._listeners[:] = wrapped
        storage.save_tables = timed_save
        return self

    def __exit__(self, *exc: object) -> None:
        from rtplan import storage

        storage.save_tables = self._save_tables
        self.session._listeners[:] = self._listeners


def measure(name: str, session: Any, click: Callable[[int], None], repeat: int, profile: bool) -> dict[str, float]:
    """Median whole click, save alone and each listener over ``repeat`` clicks (one warm-up first)."""
    click(0)  # the first save after loading also warms caches: not counted
    whole: list[float] = []
    with Timings(session) as timings:
        for k in range(1, repeat + 1):
            start = time.perf_counter()
            click(k)
            whole.append(time.perf_counter() - start)
    click_ms = statistics.median(whole) * 1000
    save_ms = statistics.median(timings.save) * 1000
    print(f"\n{name}: whole click {click_ms:.1f} ms, save alone {save_ms:.1f} ms, "
          f"ratio {click_ms / save_ms:.2f}x (median of {repeat})")
    rows = sorted(((statistics.median(v) * 1000, label) for label, v in timings.listeners.items()), reverse=True)
    for ms, label in rows:
        if ms >= 0.05:
            print(f"    {ms:8.1f} ms  {label}")
    quiet = sum(1 for ms, _ in rows if ms < 0.05)
    if quiet:
        print(f"    {quiet} more listeners under 0.05 ms (nothing to redraw)")
    if profile:
        prof = cProfile.Profile()
        prof.enable()
        click(repeat + 1)
        prof.disable()
        text = io.StringIO()
        pstats.Stats(prof, stream=text).sort_stats("cumulative").print_stats(r"rtplan|matplotlib|ipywidgets", 25)
        print("\n".join("    " + line for line in text.getvalue().splitlines()[6:40] if line.strip()))
    return {"click": click_ms, "save": save_ms}


def tab_panel(tab: Any, key: str) -> Any:
    """Open the tab of ``key`` (as the facilitator does before typing) and return its panel."""
    keys = list(tab.panels)
    tab.selected_index = keys.index(key)
    return tab.panels[key]


def usg_click(tab: Any) -> Callable[[int], None]:
    grid = tab_panel(tab, "usg")
    scorer = next(value for _, value in grid.scorer.options if value and value != grid.scorer.options[0][1])
    grid.scorer.value = scorer
    needs = list(grid.boxes)

    def click(k: int) -> None:
        boxes = grid.boxes[needs[k % len(needs)]]
        for box, value in zip(boxes, (1 + k % 5, 1 + (k + 1) % 5, 1 + (k + 2) % 5)):
            box.value = str(value)
        if not grid.save():
            raise RuntimeError(f"USG save refused: {grid.status.value}")
    return click


def activity_click(tab: Any) -> Callable[[int], None]:
    editor = tab_panel(tab, "activities")
    ident = str(editor.session.plan["activities"]["activity_id"].iloc[0])
    editor.rows.value = ident

    def click(k: int) -> None:
        editor.fields["title"].value = f"Kerja bakti {k}"
        if not editor.save():
            raise RuntimeError(f"activity save refused: {editor.status.value}")
    return click


def step_tab(results: dict[int, Any], step: int) -> Any:
    return next(v for v in results.values() if hasattr(v, "panels") and f"rtplan-step{step}" in v._dom_classes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--only", choices=("example", "needs", "activities"))
    args = parser.parse_args()
    # the pages as the workshop serves them: charts as PNG, outputs set as widget state
    os.environ["RTPLAN_WORKSHOP"] = "1"
    os.environ["RTPLAN_CONFIG_DIR"] = tempfile.mkdtemp(prefix="rtplan-bench-config-")  # no recent-plans entry
    km, shell = kernel_shell()
    from bench_conflicts import make_plan as activities_plan
    from bench_save import build as needs_plan

    from rtplan.ui.base.session import _SESSIONS

    cases: list[tuple[str, str, Callable[[Path], None], str, int, Callable[[Any], Callable[[int], None]]]] = [
        ("example", "example: USG score", lambda p: shutil.copytree(EXAMPLE, p), "01_kebutuhan.ipynb", 1, usg_click),
        ("example", "example: activity", lambda p: shutil.copytree(EXAMPLE, p), "03_jadwal.ipynb", 3,
         activity_click),
        ("needs", "200 needs x 40 scorers: USG score", needs_plan, "01_kebutuhan.ipynb", 1, usg_click),
        ("activities", "500 activities: activity", lambda p: activities_plan(p, 500), "03_jadwal.ipynb", 3,
         activity_click),
    ]
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} "
          f"({os.cpu_count()} cores)")
    with tempfile.TemporaryDirectory() as tmp:
        for i, (group, name, make, notebook, step, clicker) in enumerate(cases):
            if args.only and args.only != group:
                continue
            folder = Path(tmp) / f"plan{i}"
            make(folder)
            _SESSIONS.clear()
            results, seconds = run_notebook(shell, ROOT / "notebooks" / notebook, folder)
            print(f"\n{name}: page {notebook} built in {seconds * 1000:.0f} ms (all cells, warm imports)")
            tab = step_tab(results, step)
            measure(name, tab.session, clicker(tab), args.repeat, args.profile)
    print(f"\nload average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    km.shutdown_kernel()


if __name__ == "__main__":
    main()
