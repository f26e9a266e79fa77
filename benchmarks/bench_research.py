"""Research pooling: 1,000 plans against plain ``pandas.read_csv`` + ``concat``, and the
time and peak memory of exporting 30,000 plans (Parquet).

    python benchmarks/bench_research.py [--plans 1000] [--big 30000] [--workers N]

Each job runs ``--repeat`` times, alternating, and its best time counts (the machine
may be shared). The baseline reads the same CSV files with ``pd.read_csv`` and concatenates them per
table (no types, no validation, no rankings, no pseudonyms). Pooling does all of
that; the ratio is printed (target: within 1.2x). ``--big 0`` skips the 30,000 run.
Peak memory is the maximum resident set size of this process and its worker
processes (``resource.getrusage``).
"""

from __future__ import annotations

import argparse
import importlib.util
import resource
import shutil
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
    parser.add_argument("--repeat", type=int, default=2, help="runs of each job; the best time counts")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="rtplan-bench-research-"))
    try:
        if not args.big_only:
            root = tmp / "plans"
            t0 = time.perf_counter()
            _gen().generate(args.plans, root, seed=1)
            print(f"generated {args.plans} plans in {time.perf_counter() - t0:.1f} s")
            # alternate the two jobs and keep each one's best time: the machine is shared
            t_base = t_pool = float("inf")
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                base = baseline(root)
                t_base = min(t_base, time.perf_counter() - t0)
                t0 = time.perf_counter()
                pooled = pool([root], SECRET, workers=args.workers, progress=False)
                t_pool = min(t_pool, time.perf_counter() - t0)
            print(f"baseline read_csv+concat: {t_base:.2f} s ({sum(len(f) for f in base.values())} rows)")
            print(f"rtplan research pool:     {t_pool:.2f} s ({pooled.n_plans} plans, {len(pooled.skipped)} "
                  f"skipped, {sum(len(f) for f in pooled.tables.values())} rows)")
            print(f"ratio pool/baseline: {t_pool / t_base:.2f}x (target <= 1.2x)")
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
