"""The worksheets of a large plan, as the old default printed them against today's default,
timed in the same run.

    python benchmarks/bench_worksheets.py [--runs 3]

The large plan is the main example grown to 60 participants and 40 needs (fictional
names), with 24 of them on the meeting's attendance list. Three documents, each made as
HTML and printed to PDF by the same engine:

* ``old``: the old default, reproduced: a USG sheet for every participant, each U, S and G
  cell printed as the old sheets printed it (five round boxes of text, 15 a row);
* ``all``: a USG sheet for every participant with today's sheets (``--scorers`` everyone);
* ``now``: today's default (the attendance list, plus two blank sheets; the numbered
  circles one image per cell).

Medians, pages, sizes and the ratios now / old (the target: under 1/3) and now / all are
printed, of the wall time and of this process's CPU time (WeasyPrint prints in this
process: on a machine shared with other jobs the CPU time is the steadier figure).
Nothing about speed is asserted anywhere.
"""

from __future__ import annotations

import argparse
import io
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


OLD_CELL = ('<td class="ws-nums" style="white-space:nowrap;text-align:center">'
            + "".join(f'<span class="ws-num-old">{k}</span>' for k in range(1, 6)) + "</td>")
OLD_CSS = (".ws-num-old { display: inline-block; width: 5.2mm; height: 5.2mm; line-height: 5.2mm;"
           " border: 0.7pt solid #555; border-radius: 50%; text-align: center; font-size: 8pt; margin: 0 0.25mm; }"
           " table.ws-usg tbody td.ws-nums { background-image: none; }</style>")


def old_sheets(html: str) -> str:
    """Today's worksheet HTML with each USG cell as the old sheets printed it."""
    return html.replace('<td class="ws-nums"></td>', OLD_CELL).replace("</style>", OLD_CSS, 1)


def main() -> None:
    from rtplan import storage
    from rtplan.documents.worksheets import worksheets_html
    from rtplan.export.engines import html_to_pdf

    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder, mid = large_plan(Path(tmp) / "data" / "besar")
        plan = storage.load_plan(folder)
        everyone = [str(p) for p in plan["participants"]["participant_id"]]
        labels = ("old", "all", "now")
        times: dict[str, list[float]] = {k: [] for k in labels}
        cpu: dict[str, list[float]] = {k: [] for k in labels}
        made: dict[str, bytes] = {}
        for _ in range(args.runs):
            for label in labels:  # alternating, same run
                t0, c0 = time.perf_counter(), time.process_time()
                html = worksheets_html(plan, mid, scorers=None if label == "now" else everyone)
                made[label] = html_to_pdf(old_sheets(html) if label == "old" else html, lang=plan.lang)
                times[label].append(time.perf_counter() - t0)
                cpu[label].append(time.process_time() - c0)
        for label in labels:
            pages = len(PdfReader(io.BytesIO(made[label])).pages)
            print(f"{label:4s}: median {statistics.median(times[label]):6.1f} s "
                  f"({', '.join(f'{x:.1f}' for x in times[label])}), CPU {statistics.median(cpu[label]):6.1f} s, "
                  f"{pages} pages, {len(made[label]) / 1e6:.1f} MB")
        for base in ("old", "all"):
            wall = statistics.median(times["now"]) / statistics.median(times[base])
            cpus = statistics.median(cpu["now"]) / statistics.median(cpu[base])
            print(f"now / {base} = {wall:.2f} wall, {cpus:.2f} CPU" + (" (target < 0.33)" if base == "old" else ""))


if __name__ == "__main__":
    main()
