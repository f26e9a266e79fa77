"""Recomputing every ranking after one edit stays interactive (step 1).

Target: under 50 ms for 200 needs x 40 scorers (USG), with dot votes of 40 people and a
pairwise shortlist of 20 needs, measured (not asserted). The same job is timed with a
naive per-need implementation (filter the tables once per need, Python loops over
pairs) as the baseline in the same run, and the ratio printed. Also timed: the full
pairwise tournament of all 200 needs (19 900 pairs) and saving one edit through storage.

Run: ``python benchmarks/bench_rank.py`` (``make benchmarks`` runs every benchmark).
"""

from __future__ import annotations

import itertools
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rtplan import storage  # noqa: E402
from rtplan.needs import all_rankings, set_usg_scores  # noqa: E402
from rtplan.schema import CONSENSUS, TABLES, TIE  # noqa: E402

N_NEEDS, N_SCORERS, SHORTLIST = 200, 40, 20
REPEAT = 15


def typed(name: str, rows: list[dict[str, object]]) -> pd.DataFrame:
    spec = TABLES[name]
    frame = pd.DataFrame([{c: r.get(c) for c in spec.column_names} for r in rows], columns=spec.column_names)
    return frame.astype({c.name: c.dtype for c in spec.columns})


def make_tables(seed: int = 1, full_pairwise: bool = False) -> dict[str, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    ids = [f"N{i:03d}" for i in range(1, N_NEEDS + 1)]
    people = [f"P{i:03d}" for i in range(1, N_SCORERS + 1)]
    cats = list(TABLES["needs"].column("category").allowed or ())
    needs = typed("needs", [{"need_id": n, "title": f"Kebutuhan {n}", "category": cats[i % len(cats)],
                             "households_affected": int(rng.integers(1, 60))} for i, n in enumerate(ids)])
    participants = typed("participants", [{"participant_id": p, "name": f"Warga {p}", "sex": "LP"[i % 2]}
                                          for i, p in enumerate(people)])
    scores = rng.integers(1, 6, size=(N_NEEDS * N_SCORERS, 3))
    usg = typed("usg_scores", [{"need_id": n, "scorer": p, "urgency": int(u), "seriousness": int(s),
                                "growth": int(g)}
                               for (n, p), (u, s, g) in zip(itertools.product(ids, people), scores)])
    votes = typed("votes", [{"need_id": str(n), "participant_id": p, "dots": int(rng.integers(1, 4))}
                            for p in people for n in rng.choice(ids, size=3, replace=False)])
    pool = ids if full_pairwise else ids[:SHORTLIST]
    pairs = typed("pairwise", [{"need_a": a, "need_b": b, "winner": str(rng.choice([a, b, TIE]))}
                               for a, b in itertools.combinations(pool, 2)])
    return {"needs": needs, "participants": participants, "usg_scores": usg, "votes": votes,
            "pairwise": pairs, "priorities": TABLES["priorities"].empty()}


# -- naive baseline: one pass over the tables per need, Python loops over pairs ----------
def naive_rankings(tables: dict[str, pd.DataFrame]) -> dict[str, list[str]]:
    needs = list(tables["needs"]["need_id"])
    scores, votes, pairs = tables["usg_scores"], tables["votes"], tables["pairwise"]
    dots, voters = {}, {}
    for n in needs:
        mine = votes[votes["need_id"] == n]
        dots[n] = int(mine["dots"].sum())
        voters[n] = int(mine[mine["dots"] > 0]["participant_id"].nunique())
    usg = {}
    for n in needs:
        sub = scores[scores["need_id"] == n]
        cons = sub[sub["scorer"] == CONSENSUS]
        use = cons if len(cons) else sub
        if len(use):
            u, s, g = (float(use[c].mean()) for c in ("urgency", "seriousness", "growth"))
            usg[n] = (round(u + s + g, 6), s, u)
    usg_order = sorted(usg, key=lambda n: (-usg[n][0], -usg[n][1], -usg[n][2], -dots[n], n))
    dots_order = sorted(needs, key=lambda n: (-dots[n], -voters[n], n))
    points: dict[str, float] = {}
    wins: dict[str, int] = {}
    for _, row in pairs.iterrows():
        a, b, w = row["need_a"], row["need_b"], row["winner"]
        for n in (a, b):
            points.setdefault(n, 0.0)
            wins.setdefault(n, 0)
        if w == TIE:
            points[a] += 0.5
            points[b] += 0.5
        else:
            points[w] += 1.0
            wins[w] += 1
    pair_order = sorted(points, key=lambda n: (-points[n], -wins[n], n))
    ranks = {m: {n: i + 1 for i, n in enumerate(o)} for m, o in
             (("usg", usg_order), ("dots", dots_order), ("pairwise", pair_order))}
    mean = {n: statistics.mean(r.get(n, len(needs)) for r in ranks.values()) for n in needs}
    combined = sorted(needs, key=lambda n: (mean[n], ranks["usg"].get(n, len(needs) + 1), n))
    return {"usg": usg_order, "dots": dots_order, "pairwise": pair_order, "combined": combined}


def timed(job: Callable[[], object], repeat: int = REPEAT) -> tuple[float, float]:
    """Median wall time and median CPU time of ``job`` in milliseconds.

    CPU time (this process, all threads) is what the job costs; wall time also holds
    the waiting when other programs share the cores, so both are printed.
    """
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        job()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def one_edit(tables: dict[str, pd.DataFrame], k: int) -> dict[str, pd.DataFrame]:
    """Scorer P001 changes the score of one need (as the USG grid does)."""
    need = str(tables["needs"]["need_id"].iloc[k % N_NEEDS])
    value = 1 + k % 5
    edited = set_usg_scores(tables["usg_scores"], "P001", {need: (value, value, value)})
    return {**tables, "usg_scores": typed("usg_scores", edited.to_dict("records"))}


def main() -> None:
    tables = make_tables()
    edits = [one_edit(tables, k) for k in range(REPEAT)]
    # same answer first: the real job and the baseline agree on the USG and dot orders
    real, naive = all_rankings(edits[0]), naive_rankings(edits[0])
    assert real["usg"].order == naive["usg"] and real["dots"].order == naive["dots"], "baseline disagrees"
    assert real["pairwise"].order == naive["pairwise"], "baseline disagrees on pairwise"
    it = iter(edits * 3)
    fast_wall, fast_cpu = timed(lambda: all_rankings(next(it)))
    it = iter(edits * 3)
    slow_wall, slow_cpu = timed(lambda: naive_rankings(next(it)), repeat=5)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"step 1 rankings after one edit: {N_NEEDS} needs x {N_SCORERS} scorers "
          f"({len(tables['usg_scores'])} USG rows, {len(tables['votes'])} votes, "
          f"{len(tables['pairwise'])} pairs among {SHORTLIST} needs); "
          f"load average {load:.1f} on {os.cpu_count()} cores")
    print(f"  all_rankings (usg, dots, pairwise, combined, final): "
          f"median {fast_cpu:7.1f} ms CPU, {fast_wall:7.1f} ms wall")
    print(f"  naive per-need baseline (same orders):               "
          f"median {slow_cpu:7.1f} ms CPU, {slow_wall:7.1f} ms wall")
    print(f"  ratio baseline / rtplan: {slow_cpu / fast_cpu:5.1f}x (CPU), {slow_wall / fast_wall:5.1f}x (wall)")
    print(f"  target < 50 ms: {'met' if fast_cpu < 50 else 'NOT met'} on CPU time ({fast_cpu:.1f} ms), "
          f"{'met' if fast_wall < 50 else 'not met'} on wall time ({fast_wall:.1f} ms)")

    full = make_tables(full_pairwise=True)
    full_wall, full_cpu = timed(lambda: all_rankings(full), repeat=5)
    naive_wall, naive_cpu = timed(lambda: naive_rankings(full), repeat=2)
    print(f"  stress: full pairwise tournament of {N_NEEDS} needs ({len(full['pairwise'])} pairs): "
          f"rtplan {full_cpu:.1f} ms CPU ({full_wall:.1f} wall), naive {naive_cpu:.1f} ms CPU, "
          f"ratio {naive_cpu / full_cpu:.1f}x")

    # the whole interactive loop: one edit saved through storage (validate + write), then rank
    with tempfile.TemporaryDirectory() as tmp:
        plan = storage.new_plan(Path(tmp) / "plan", storage.default_meta(rt="01", rw="01"))
        storage.save_tables(plan, {k: v for k, v in tables.items() if k != "priorities"})
        saves = []
        for k in range(5):
            edited = one_edit({"usg_scores": plan["usg_scores"], "needs": plan["needs"]}, k)["usg_scores"]
            start = time.perf_counter()
            storage.save_tables(plan, {"usg_scores": edited})
            saves.append((time.perf_counter() - start) * 1000)
        print(f"  saving one edit through storage (whole-plan validation, atomic write, history): "
              f"median {statistics.median(saves):.0f} ms (storage's cost, not the ranking's)")


if __name__ == "__main__":
    main()
