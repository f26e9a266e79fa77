"""Saving one edit: scoped validation (what the change can affect) vs whole-plan validation.

A save validates the tables it touches and the tables whose rules read them, and
serialises only the rows that changed (rtplan.storage, rtplan.validation.update_report).
The baseline is the way saves worked before: every updated table serialised and
parsed back whole, and the whole plan validated (``storage.save_tables(..., whole=True)``).
Both run with the same safety (lock, journal, history, write-skew check), in one run,
on the same edits:

* meeting size: the example plan ``data/contoh-rt05-rw03``: one table edited, and a
  multi-file save (three tables and plan.toml);
* 200 needs x 40 scorers (8,000 USG rows): one USG score edited, one need title edited
  (which makes every table that points at needs check its references again).

Prints the medians and the ratios; asserts nothing (design.md: no timed tests).
Targets (issue 10): the 200 x 40 save at least 2x faster than the baseline; the
example's save well under 0.1 s.
"""

from __future__ import annotations

import datetime as dt
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from rtplan import storage

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "data" / "contoh-rt05-rw03"
REPEAT = 7


def build(folder: Path) -> None:
    storage.new_plan(folder, storage.default_meta(rt="05", rw="03", start=dt.date(2027, 1, 1),
                                                  end=dt.date(2027, 6, 30)))
    plan = storage.load_plan(folder)
    people = pd.DataFrame({"participant_id": [f"P{i:03d}" for i in range(40)],
                           "name": [f"Warga {i}" for i in range(40)], "sex": ["L", "P"] * 20})
    needs = pd.DataFrame({"need_id": [f"N{i:03d}" for i in range(200)], "title": [f"Kebutuhan {i}" for i in range(200)],
                          "category": ["lingkungan"] * 200})
    scores = pd.DataFrame([{"need_id": n, "scorer": p, "urgency": 1 + (i + j) % 5, "seriousness": 1 + i % 5,
                            "growth": 1 + j % 5} for i, n in enumerate(needs["need_id"])
                           for j, p in enumerate(people["participant_id"])])
    storage.save_tables(plan, {"participants": people, "needs": needs, "usg_scores": scores})


Edit = Callable[[storage.Plan, int], tuple[dict[str, pd.DataFrame], dict | None]]


def edit_score(plan: storage.Plan, k: int) -> tuple[dict[str, pd.DataFrame], dict | None]:
    scores = plan.copy_table("usg_scores")
    scores.loc[(k * 37) % len(scores), "urgency"] = 1 + k % 5
    return {"usg_scores": scores}, None


def edit_need_title(plan: storage.Plan, k: int) -> tuple[dict[str, pd.DataFrame], dict | None]:
    needs = plan.copy_table("needs")
    needs.loc[k % len(needs), "title"] = f"Kebutuhan diperbarui {k}"
    return {"needs": needs}, None


def edit_example_need(plan: storage.Plan, k: int) -> tuple[dict[str, pd.DataFrame], dict | None]:
    needs = plan.copy_table("needs")
    needs.loc[k % len(needs), "households_affected"] = 10 + k
    return {"needs": needs}, None


def edit_example_multi(plan: storage.Plan, k: int) -> tuple[dict[str, pd.DataFrame], dict | None]:
    needs = plan.copy_table("needs")
    needs.loc[0, "households_affected"] = 10 + k
    people = plan.copy_table("participants")
    people.loc[0, "age_band"] = ("25-39", "40-59")[k % 2]
    funds = plan.copy_table("funds")
    funds.loc[0, "amount_idr"] = 3_500_000 + k
    return {"needs": needs, "participants": people, "funds": funds}, dict(plan.meta, households=60 + k)


def timed(folder: Path, edit: Edit, whole: bool) -> list[float]:
    """Median-ready times of REPEAT saves in one session (one warm-up save first, as a
    notebook session has after its first save)."""
    plan = storage.load_plan(folder)
    updates, meta = edit(plan, 0)
    storage.save_tables(plan, updates, meta, whole=whole)
    out = []
    for k in range(1, REPEAT + 1):
        updates, meta = edit(plan, k + (100 if whole else 0))
        t0 = time.perf_counter()
        storage.save_tables(plan, updates, meta, whole=whole)
        out.append(time.perf_counter() - t0)
    return out


def first_save(folder: Path, edit: Edit) -> float:
    plan = storage.load_plan(folder)
    updates, meta = edit(plan, 999)
    t0 = time.perf_counter()
    storage.save_tables(plan, updates, meta)
    return time.perf_counter() - t0


def report(label: str, folder: Path, edit: Edit) -> float:
    # interleave: baseline, scoped, baseline, scoped (the machine's load changes)
    base, scoped = [], []
    for _ in range(2):
        base += timed(folder, edit, whole=True)
        scoped += timed(folder, edit, whole=False)
    b, s = statistics.median(base), statistics.median(scoped)
    print(f"{label:<44} scoped {s * 1000:7.1f} ms   whole-plan {b * 1000:7.1f} ms   "
          f"ratio {b / s:5.2f}x faster (median of {len(scoped)})")
    return s


def main() -> None:
    print(f"bench_save: python {sys.version.split()[0]}, pandas {pd.__version__}")
    with tempfile.TemporaryDirectory() as tmp:
        example = Path(tmp) / "contoh"
        shutil.copytree(EXAMPLE, example, ignore=shutil.ignore_patterns(".history", ".rtplan.lock"))
        big = Path(tmp) / "besar"
        build(big)
        s1 = report("example: one table (needs.csv)", example, edit_example_need)
        report("example: 3 tables + plan.toml", example, edit_example_multi)
        report("200 x 40: one USG score (usg_scores.csv)", big, edit_score)
        report("200 x 40: one need title (needs.csv)", big, edit_need_title)
        print(f"first save after loading (caches empty, whole way): example "
              f"{first_save(example, edit_example_need) * 1000:.0f} ms, 200 x 40 "
              f"{first_save(big, edit_score) * 1000:.0f} ms")
        print(f"example one-table save: {s1 * 1000:.1f} ms (target: well under 100 ms)")


if __name__ == "__main__":
    main()
