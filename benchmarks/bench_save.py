"""Saving one edit of a big plan: validated once (errors cached) vs twice (no cache).

A save validates the whole plan so that no edit can break another table. Before the
cache, every save validated the plan as it was and as it would be; now the errors of
the saved state are kept on the plan, so the next save validates once. The plan: 200
needs x 40 scorers (8,000 USG rows). Prints both medians and the ratio; asserts nothing.
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

import pandas as pd

from rtplan import storage


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


def one_edit(plan: storage.Plan, k: int) -> float:
    scores = plan.copy_table("usg_scores")
    scores.loc[k % len(scores), "urgency"] = 1 + k % 5
    t0 = time.perf_counter()
    storage.save_table(plan, "usg_scores", scores)
    return time.perf_counter() - t0


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "besar"
        build(folder)
        cached_plan = storage.load_plan(folder)
        one_edit(cached_plan, 0)  # the first save fills the cache
        cached = [one_edit(cached_plan, k) for k in range(1, 6)]
        uncached = []
        for k in range(6, 11):
            plan = storage.load_plan(folder)  # a fresh plan: nothing cached, validates twice
            uncached.append(one_edit(plan, k))
    a, b = statistics.median(cached), statistics.median(uncached)
    print(f"save one edit, 200 needs x 40 scorers: cached {a * 1000:.0f} ms, uncached {b * 1000:.0f} ms, "
          f"ratio {b / a:.2f}x faster (median of 5 each)")


if __name__ == "__main__":
    main()
