"""The meeting handout: by hand, a cold ``rtplan handout``, and a rebuild from a running session.

Three ways to make the same A4 PDF of the example plan, timed in the same run:

* by hand (the baseline): a copy of ``rtplan/documents/handout.ipynb`` with the plan
  written into its parameters cell, ``jupyter nbconvert --execute --to html``, then
  WeasyPrint's command line on the HTML (two fresh processes);
* cold: ``rtplan handout PLAN`` as a fresh process, its chart cache (``RTPLAN_CACHE_DIR``)
  holding the charts of the plan's state from an earlier build, as after any first build;
* cold, empty cache: the same with an empty chart cache (a plan's first handout);
* repeated: one more build in a process that keeps a
  :class:`~rtplan.documents.build.DocumentSession` open (a notebook panel, a
  workshop), each after a one-word edit to the plan (a typo fixed in a decision of the
  meeting the handout is for: it shows in the summary and in the berita acara), so the
  PDF is a new one; what the session keeps is loaded code, the charts, and the layout of
  the parts of the document the edit did not touch (:mod:`rtplan.export.pages`).

Runs alternate, medians of ``RUNS`` are printed with the ratios against the baseline
(targets: cold <= 0.40, repeated <= 0.15), then each run's own ratio (median) and the
best run against the best (the machine may be shared). Nothing about speed is asserted;
each rebuild is checked to be a new PDF (the edit shows).
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
EXAMPLE = ROOT / "data" / "contoh-rt05-rw03"
RUNS = 5


def timed(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, capture_output=True, env=env)
    return time.perf_counter() - t0


def by_hand(work: Path, plan: Path, i: int) -> float:
    from rtplan.documents import notebook_path
    from rtplan.documents.build import inject_parameters

    weasyprint = shutil.which("weasyprint", path=str(Path(sys.executable).parent)) or "weasyprint"
    copy = work / "handout.ipynb"
    if not copy.exists():
        nb = nbformat.read(notebook_path("handout"), as_version=4)
        # the facilitator's cells (the "Buat handout" button) are not part of the document
        nb.cells = [c for c in nb.cells if "rtplan-no-print" not in c.metadata.get("tags", [])]
        nbformat.write(inject_parameters(nb, {"PLAN": str(plan), "LANG": None, "MEETING": None,
                                              "MASK_NAMES": False}), copy)
    t_html = timed([sys.executable, "-m", "jupyter", "nbconvert", "--execute", "--to", "html", str(copy),
                    "--output", f"b{i}"], work)
    t_pdf = timed([weasyprint, str(work / f"b{i}.html"), str(work / f"b{i}.pdf")], work)
    return t_html + t_pdf


def fix_typo(plan_dir: Path, i: int) -> None:
    """A one-word edit, as a facilitator fixing a typo between two builds: in a decision of the
    meeting the handout is for (the latest), so it shows in the summary and the berita acara."""
    from rtplan import storage
    from rtplan.meetings import choose_meeting

    plan = storage.load_plan(plan_dir)
    meeting = choose_meeting(plan)
    assert meeting is not None
    decisions = plan.copy_table("decisions")
    row = decisions.index[decisions["meeting_id"] == meeting["meeting_id"]][0]
    decisions.loc[row, "decision"] = f"{str(decisions.loc[row, 'decision']).split(' (')[0]} (ralat {i})"
    storage.save_tables(plan, {"decisions": decisions})


def main() -> None:
    import compileall
    import os

    # rtplan runs as installed: with its bytecode (pip compiles it at install; `make setup` too)
    compileall.compile_dir(str(ROOT / "rtplan"), quiet=1)

    from rtplan import storage
    from rtplan.documents import notebook_path
    from rtplan.documents.build import DocumentSession

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        os.environ["RTPLAN_CACHE_DIR"] = str(work / "cache")  # this run's own chart cache
        plan_dir = work / "plan"
        shutil.copytree(EXAMPLE, plan_dir, ignore=shutil.ignore_patterns(".history", ".rtplan.lock"))
        base, cold, empty, repeated = [], [], [], []
        with DocumentSession() as session:
            # the session's first build warms it (a notebook panel's first click); not timed
            session.build(notebook_path("handout"), storage.load_plan(plan_dir), work / "warm.pdf",
                          params={"MEETING": None, "MASK_NAMES": False})
            for i in range(RUNS):
                base.append(by_hand(work, plan_dir, i))
                cold.append(timed([sys.executable, "-m", "rtplan", "handout", str(plan_dir), "-o",
                                   str(work / f"c{i}.pdf")], ROOT))
                fresh = dict(os.environ, RTPLAN_CACHE_DIR=str(work / f"empty{i}"))
                empty.append(timed([sys.executable, "-m", "rtplan", "handout", str(plan_dir), "-o",
                                    str(work / f"e{i}.pdf")], ROOT, fresh))
                fix_typo(plan_dir, i)
                t0 = time.perf_counter()
                session.build(notebook_path("handout"), storage.load_plan(plan_dir), work / f"s{i}.pdf",
                              params={"MEETING": None, "MASK_NAMES": False})
                repeated.append(time.perf_counter() - t0)
                # the edit is in the document: this PDF is not the one before it
                before = work / (f"s{i - 1}.pdf" if i else "warm.pdf")
                assert (work / f"s{i}.pdf").read_bytes() != before.read_bytes()
    b, c, e, r = (statistics.median(x) for x in (base, cold, empty, repeated))
    print(f"by hand (nbconvert --execute --to html + weasyprint): median {b:.2f} s {[round(x, 2) for x in base]}")
    print(f"rtplan handout, cold process:                         median {c:.2f} s {[round(x, 2) for x in cold]}")
    print(f"rtplan handout, cold process, empty chart cache:      median {e:.2f} s {[round(x, 2) for x in empty]}")
    print(f"rebuild from a running session, after an edit:        median {r:.2f} s "
          f"{[round(x, 2) for x in repeated]}")
    print(f"ratio cold / by hand     = {c / b:.2f} (target <= 0.40)")
    print(f"ratio cold, empty cache / by hand = {e / b:.2f}")
    print(f"ratio repeated / by hand = {r / b:.2f} (target <= 0.15)")
    # a shared machine: each run's own ratios (the runs of one round are seconds apart), and the best runs
    for name, times in (("cold", cold), ("cold, empty cache", empty), ("repeated", repeated)):
        ratios = [x / y for x, y in zip(times, base)]
        print(f"{name}: median of the runs' ratios {statistics.median(ratios):.2f} "
              f"{[round(x, 2) for x in ratios]}; best / best {min(times) / min(base):.2f}")


if __name__ == "__main__":
    main()
