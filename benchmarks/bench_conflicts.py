"""Benchmark: schedule conflict checks for 500 activities over one year.

Builds a synthetic plan (seeded, fictional): 500 activities over 2027 (weekly,
monthly on a day or an N-th weekday, one-off), 40 venues, 150 PICs, 60 resources with
availability words, 30 needs with priorities. Times:

* ``find_conflicts`` on the whole plan (every check, messages included): what the
  conflicts panel and ``rtplan conflicts`` do after each change;
* the venue + PIC overlap checks alone, as done (sort and sweep), against a naive
  baseline that compares every pair of sessions, on the same sessions (all of them by
  default; ``--sample N`` runs both on the first N activities only and extrapolates
  the quadratic baseline). Both must find the same pairs.

Prints the figures and ratios; asserts nothing about speed. Run:
``python benchmarks/bench_conflicts.py [--activities 500] [--sample N]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rtplan import storage  # noqa: E402
from rtplan.schedule import (  # noqa: E402
    Session,
    _overlapping_pairs,
    find_conflicts,
    session_records,
)

WEEKDAYS = ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu")
AVAILABILITY = ("setiap hari", "Sabtu pagi;Minggu pagi", "Senin-Jumat sore", "akhir pekan", "Senin-Jumat pagi",
                "Minggu sore", "Sabtu malam;Minggu pagi", "hari kerja")
CATEGORIES = ("ekonomi", "kesehatan", "pendidikan", "lingkungan", "infrastruktur", "sosial-budaya", "keamanan")


def _write(folder: Path, name: str, rows: list[dict[str, object]]) -> None:
    from rtplan.schema import TABLES

    frame = pd.DataFrame(rows, columns=TABLES[name].column_names).astype("object")
    (folder / f"{name}.csv").write_bytes(storage.serialize_table(name, frame))


def make_plan(folder: Path, n_activities: int, seed: int = 2027) -> Path:
    rng = random.Random(seed)
    meta = storage.default_meta(rt="05", rw="03", start=dt.date(2027, 1, 1), end=dt.date(2027, 12, 31),
                                title="Rencana sintetis untuk benchmark")
    storage.new_plan(folder, meta)
    needs = [{"need_id": f"N{i:02d}", "title": f"Kebutuhan {i}", "category": rng.choice(CATEGORIES)}
             for i in range(1, 31)]
    _write(folder, "needs", needs)
    _write(folder, "priorities", [{"need_id": f"N{i:02d}", "rank": i} for i in range(1, 11)])
    _write(folder, "resources", [{"resource_id": f"R{i:02d}", "name": f"Sumber daya {i}", "category": "fisik",
                                  "availability": rng.choice(AVAILABILITY)} for i in range(1, 61)])
    rows = []
    for i in range(1, n_activities + 1):
        start = dt.date(2027, 1, 1) + dt.timedelta(days=rng.randrange(0, 300))
        end = min(dt.date(2027, 12, 31), start + dt.timedelta(days=rng.randrange(30, 365)))
        kind = rng.choices(("weekly", "monthly", "once"), (60, 25, 15))[0]
        if kind == "weekly":
            day = rng.choice(WEEKDAYS)
        elif kind == "monthly":
            day = rng.choice([str(rng.randrange(1, 29)), f"{rng.choice([1, 2, 3, 4, -1])}-{rng.choice(WEEKDAYS)}"])
        else:
            day, end = "", start
        hour = rng.choice((6, 7, 8, 9, 13, 15, 16, 19, 20))
        rows.append({
            "activity_id": f"A{i:03d}", "title": f"Kegiatan {i}", "need_ids": f"N{rng.randrange(1, 31):02d}",
            "resource_ids": ";".join(sorted({f"R{rng.randrange(1, 61):02d}" for _ in range(rng.randrange(0, 3))})),
            "pic": f"PJ {rng.randrange(1, 151)}", "start_date": start.isoformat(), "end_date": end.isoformat(),
            "recurrence": kind, "recurrence_day": day, "start_time": f"{hour:02d}:00",
            "end_time": f"{hour + rng.choice((1, 2, 3)):02d}:30", "venue": f"Tempat {rng.randrange(1, 41)}",
            "cost_idr": rng.randrange(1, 50) * 100_000, "funding_source": "kas RT", "status": "rencana"})
    _write(folder, "activities", rows)
    return folder


def naive_pairs(sessions: list[Session]) -> set[tuple[str, str, str]]:
    """Every pair of sessions compared: same venue (or PIC) and overlapping times."""
    found = set()
    for i, a in enumerate(sessions):
        for b in sessions[i + 1:]:
            if a.activity_id == b.activity_id or not (a.start < b.end and b.start < a.end):
                continue
            x, y = sorted((a.activity_id, b.activity_id))
            if a.venue and a.venue.casefold() == b.venue.casefold():
                found.add(("venue:" + a.venue.casefold(), x, y))
            if a.pic and a.pic.casefold() == b.pic.casefold():
                found.add(("pic:" + a.pic.casefold(), x, y))
    return found


def sweep_pairs(sessions: list[Session]) -> set[tuple[str, str, str]]:
    """The same answer with rtplan's sort-and-sweep (grouped by venue and by PIC)."""
    groups: dict[str, list[Session]] = defaultdict(list)
    for s in sessions:
        if s.venue:
            groups["venue:" + s.venue.casefold()].append(s)
        if s.pic:
            groups["pic:" + s.pic.casefold()].append(s)
    return set(_overlapping_pairs(groups))


FIRST: dict[int, float] = {}


def best_of(func, repeat: int) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    FIRST[id(func)] = times[0]
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=500)
    parser.add_argument("--sample", type=int, default=None, help="activities the naive baseline runs on (all)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = make_plan(Path(tmp) / "plan", args.activities)
        plan = storage.load_plan(folder)
        sessions = session_records(plan["activities"], plan.period)
        print(f"plan: {args.activities} activities, {len(sessions)} sessions over "
              f"{plan.period[0]} .. {plan.period[1]}")  # type: ignore[index]

        check = lambda: find_conflicts(plan)  # noqa: E731
        full, findings = best_of(check, args.repeat)
        first = FIRST[id(check)]
        kinds = defaultdict(int)
        for c in findings:  # type: ignore[attr-defined]
            kinds[c.kind] += 1
        print(f"find_conflicts (all checks, messages): first run {first * 1000:.0f} ms (cold caches: holidays, "
              f"date formats), best of {args.repeat} {full * 1000:.0f} ms; {len(findings)} findings "  # type: ignore[arg-type]
              f"({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))})")

        sweep_full, pairs_full = best_of(lambda: sweep_pairs(sessions), args.repeat)
        print(f"venue+PIC overlaps, sweep, all {len(sessions)} sessions: {sweep_full * 1000:.1f} ms, "
              f"{len(pairs_full)} clashing pairs")  # type: ignore[arg-type]

        n_sample = args.sample or args.activities
        sample_ids = {f"A{i:03d}" for i in range(1, n_sample + 1)}
        sample = [s for s in sessions if s.activity_id in sample_ids]
        sweep_s, sweep_found = best_of(lambda: sweep_pairs(sample), args.repeat)
        naive_s, naive_found = best_of(lambda: naive_pairs(sample), 1)
        assert sweep_found == naive_found, "sweep and naive baseline disagree"
        print(f"{n_sample} activities ({len(sample)} sessions): sweep {sweep_s * 1000:.1f} ms, "
              f"naive pairwise {naive_s * 1000:.0f} ms, same {len(naive_found)} pairs; "  # type: ignore[arg-type]
              f"naive/sweep = {naive_s / sweep_s:.0f}x")
        if len(sample) < len(sessions):
            scale = (len(sessions) / max(1, len(sample))) ** 2
            naive_full = naive_s * scale
            print(f"naive pairwise extrapolated to all {len(sessions)} sessions (x{scale:.0f}, quadratic): "
                  f"~{naive_full:.0f} s; sweep {sweep_full * 1000:.1f} ms; ratio ~{naive_full / sweep_full:.0f}x")
        print(f"whole check stays interactive: {first:.2f} s cold, {full:.2f} s warm, for {args.activities} "
              "activities over a year")


if __name__ == "__main__":
    main()
