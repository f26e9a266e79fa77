"""The worksheets of a large plan: one USG sheet per registered participant (before) against
the participants expected at the meeting (now), timed in the same run.

    python benchmarks/bench_worksheets.py [--runs 3]

The large plan is the main example grown to 60 participants and 40 needs (fictional
names), with 24 of them on the meeting's attendance list. "Before" asks for a USG sheet for
every participant, as ``rtplan worksheets`` did by default; "now" is today's default (the
attendance list, plus two blank sheets). Both write the same PDF with the same engine;
medians, pages, sizes and the ratio (target: now / before < 1/3) are printed, of the wall
time and of this process's CPU time (WeasyPrint prints in this process: on a machine shared
with other jobs the CPU time is the steadier figure). Nothing about speed is asserted anywhere.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import pandas as pd
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "data" / "contoh-rt05-rw03"
FIRST = ("Agus", "Budi", "Dedi", "Eko", "Fajar", "Ani", "Endang", "Fitri", "Ika", "Maryam")
LAST = ("Santoso", "Hidayat", "Prasetyo", "Susilo", "Pratama", "Saputra")


def large_plan(folder: Path) -> tuple[Path, str]:
    """The example copied and grown to 60 participants and 40 needs; returns (plan folder, meeting id)."""
    from rtplan import storage

    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns(".history", ".rtplan.lock"))
    plan = storage.load_plan(folder)
    people = plan.copy_table("participants")
    n0 = len(people)
    extra = pd.DataFrame({
        "participant_id": [f"P{i:03d}" for i in range(n0 + 1, 61)],
        "name": [f"{FIRST[i % len(FIRST)]} {LAST[i % len(LAST)]} {chr(65 + i % 26)}" for i in range(n0, 60)],
        "sex": ["L" if i % 2 else "P" for i in range(n0, 60)],
        "group": ["warga"] * (60 - n0),
        "consent": [True] * (60 - n0),
    })
    people = pd.concat([people, extra.astype({c: people[c].dtype for c in extra.columns})], ignore_index=True)
    needs = plan.copy_table("needs")
    m0 = len(needs)
    more = pd.DataFrame({
        "need_id": [f"N{i:02d}" for i in range(m0 + 1, 41)],
        "title": [f"Kebutuhan warga nomor {i} yang dibahas di rembug" for i in range(m0 + 1, 41)],
        "category": ["sosial-budaya"] * (40 - m0),
    })
    needs = pd.concat([needs, more.astype({c: needs[c].dtype for c in more.columns})], ignore_index=True)
    meetings = plan["meetings"].sort_values("date")
    mid = str(meetings["meeting_id"].iloc[-1])
    att = plan.copy_table("attendance")
    att = att[att["meeting_id"] != mid]
    ids = list(people["participant_id"].astype(str))[:24]
    new = pd.DataFrame({"meeting_id": [mid] * len(ids), "participant_id": ids})
    att = pd.concat([att, new.astype({c: att[c].dtype for c in new.columns})], ignore_index=True)
    storage.save_tables(plan, {"participants": people, "needs": needs, "attendance": att})
    return folder, mid


def main() -> None:
    from rtplan import storage
    from rtplan.documents.worksheets import write_worksheets

    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder, mid = large_plan(Path(tmp) / "data" / "besar")
        out = Path(tmp) / "exports"
        plan = storage.load_plan(folder)
        everyone = [str(p) for p in plan["participants"]["participant_id"]]
        times: dict[str, list[float]] = {"before": [], "now": []}
        cpu: dict[str, list[float]] = {"before": [], "now": []}
        files: dict[str, Path] = {}
        for run in range(args.runs):
            for label, scorers in (("before", everyone), ("now", None)):  # alternating, same run
                target = out / f"{label}-{run}.pdf"
                t0, c0 = time.perf_counter(), time.process_time()
                write_worksheets(plan, target, mid, scorers=scorers)
                times[label].append(time.perf_counter() - t0)
                cpu[label].append(time.process_time() - c0)
                files[label] = target
        for label in ("before", "now"):
            pages = len(PdfReader(files[label]).pages)
            size = files[label].stat().st_size / 1e6
            print(f"{label:6s}: median {statistics.median(times[label]):6.1f} s  "
                  f"({', '.join(f'{x:.1f}' for x in times[label])}), CPU {statistics.median(cpu[label]):6.1f} s  "
                  f"{pages} pages, {size:.1f} MB")
        ratio = statistics.median(times["now"]) / statistics.median(times["before"])
        cpu_ratio = statistics.median(cpu["now"]) / statistics.median(cpu["before"])
        print(f"now / before = {ratio:.2f} wall, {cpu_ratio:.2f} CPU (target < 0.33)")


if __name__ == "__main__":
    main()
