"""Research pooling: 1,000 plans against plain ``pandas.read_csv`` + ``concat``, and the
time and peak memory of exporting 30,000 plans (Parquet).

    python benchmarks/bench_research.py [--plans 1000] [--big 30000] [--workers N]

Each job runs ``--repeat`` times, alternating; every run is printed, and the median of
the per-run ratios counts (the machine may be shared). Pooling runs with the default
workers (two processes from 200 plans on a 2-core machine) and in one process. The
baseline reads the same CSV files with ``pd.read_csv`` and concatenates them per table
(no types, no validation, no rankings, no pseudonyms). Pooling does all of that; the
ratios are printed (target: within 1.2x). ``--big 0`` skips the 30,000 run.
Peak memory is the maximum resident set size of this process and its worker
processes (``resource.getrusage``).
"""

from __future__ import annotations

import argparse
import importlib.util
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
SECRET = b"benchmark-secret-0123456789abcdef"


def _gen():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gen_plans", HERE / "gen_plans.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def baseline(root: Path) -> dict[str, pd.DataFrame]:
    """Plain pandas: read every table CSV of every plan, concatenate per table."""
    parts: dict[str, list[pd.DataFrame]] = {}
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        for path in folder.glob("*.csv"):
            frame = pd.read_csv(path)
            frame["plan"] = folder.name
            parts.setdefault(path.stem, []).append(frame)
    return {name: pd.concat(frames, ignore_index=True) for name, frames in parts.items()}


def main() -> None:
    from rtplan.research.pooling import pool

    parser = argparse.ArgumentParser()
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--big", type=int, default=30000)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--big-only", action="store_true")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each job; the median ratio counts")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="rtplan-bench-research-"))
    try:
        if not args.big_only:
            root = tmp / "plans"
            t0 = time.perf_counter()
            _gen().generate(args.plans, root, seed=1)
            print(f"generated {args.plans} plans in {time.perf_counter() - t0:.1f} s")
            # alternate the jobs, every run printed; the ratios of each run (same moment of a
            # shared machine) and their median count
            jobs = {"pool": args.workers, "pool, 1 process": 1}
            times: dict[str, list[float]] = {"baseline": [], **{name: [] for name in jobs}}
            for run in range(args.repeat):
                t0 = time.perf_counter()
                base = baseline(root)
                times["baseline"].append(time.perf_counter() - t0)
                for name, workers in jobs.items():
                    t0 = time.perf_counter()
                    pooled = pool([root], SECRET, workers=workers, progress=False)
                    times[name].append(time.perf_counter() - t0)
                print(f"run {run + 1}: " + ", ".join(f"{name} {values[-1]:.2f} s" for name, values in times.items()))
            print(f"baseline read_csv+concat: median {statistics.median(times['baseline']):.2f} s "
                  f"({sum(len(f) for f in base.values())} rows)")
            print(f"rtplan research pool: {pooled.n_plans} plans, {len(pooled.skipped)} skipped, "
                  f"{sum(len(f) for f in pooled.tables.values())} rows")
            for name in jobs:
                ratios = [a / b for a, b in zip(times[name], times["baseline"])]
                print(f"ratio {name}/baseline: median {statistics.median(ratios):.2f}x "
                      f"(runs: {', '.join(f'{r:.2f}' for r in ratios)}; target <= 1.2x)")
        if args.big:
            # a separate process, so its peak memory is its own
            code = (f"import sys; sys.path.insert(0, {str(HERE)!r}); import bench_research as b; "
                    f"b.big({args.big}, {str(tmp)!r}, {args.workers})")
            subprocess.run([sys.executable, "-c", code], check=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def big(n: int, tmp: str, workers: int | None) -> None:
    from rtplan.research.dataset import export

    root = Path(tmp) / "big"
    t0 = time.perf_counter()
    _gen().generate(n, root, seed=2)
    print(f"generated {n} plans in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    _, manifest = export([root], Path(tmp) / "big-out", SECRET, workers=workers, progress=False)
    elapsed = time.perf_counter() - t0
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024 / 1024
    size = sum(p.stat().st_size for p in (Path(tmp) / "big-out").rglob("*") if p.is_file()) / 1e6
    print(f"export {n} plans (Parquet): {elapsed:.0f} s, {manifest['plans']} pooled, {manifest['skipped']} "
          f"skipped, peak RSS {peak:.2f} GiB (largest single process), {size:.0f} MB written")


if __name__ == "__main__":
    main()
