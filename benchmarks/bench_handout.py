"""``rtplan handout`` against the same steps done by hand, timed in the same run.

Baseline (by hand): a copy of notebooks/05_handout.ipynb with the plan written into
its parameters cell, then ``jupyter nbconvert --execute --to html`` and the same PDF
engine (WeasyPrint's command line) on the HTML. rtplan: ``rtplan handout PLAN``.
Both run as fresh processes, alternately, a few times; medians and the ratio are
printed (target: rtplan no slower than the baseline). Nothing is asserted.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "data" / "contoh-rt05-rw03"
RUNS = 3


def timed(cmd: list[str], cwd: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - t0


def main() -> None:
    from rtplan.export.documents import inject_parameters

    bindir = Path(sys.executable).parent
    weasyprint = shutil.which("weasyprint", path=str(bindir)) or "weasyprint"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        nb = nbformat.read(ROOT / "notebooks" / "05_handout.ipynb", as_version=4)
        copy = work / "handout.ipynb"
        nbformat.write(inject_parameters(nb, {"PLAN": str(PLAN), "LANG": None, "MEETING": None,
                                              "MASK_NAMES": False}), copy)
        rtplan_times, base_times = [], []
        for i in range(RUNS):
            rtplan_times.append(timed([sys.executable, "-m", "rtplan", "handout", str(PLAN), "--engine",
                                       "weasyprint", "-o", str(work / f"r{i}.pdf")], ROOT))
            t_html = timed([sys.executable, "-m", "jupyter", "nbconvert", "--execute", "--to", "html",
                            str(copy), "--output", f"b{i}"], work)
            t_pdf = timed([weasyprint, str(work / f"b{i}.html"), str(work / f"b{i}.pdf")], work)
            base_times.append(t_html + t_pdf)
    r, b = statistics.median(rtplan_times), statistics.median(base_times)
    print(f"rtplan handout: median {r:.1f} s over {RUNS} runs {[round(x, 1) for x in rtplan_times]}")
    print(f"by hand (nbconvert --execute --to html + weasyprint): median {b:.1f} s {[round(x, 1) for x in base_times]}")
    print(f"ratio rtplan / baseline = {r / b:.2f} (below 1.00 is faster; target: no slower than 1.00)")


if __name__ == "__main__":
    main()
