"""The whole import of 10,000 rows (the most one import takes) against ``pandas.read_csv`` of the same file.

The file is a Google Forms export of a needs survey (``Cap waktu``, a question title with a line
break, ``Ekonomi``-style categories, ``1.200``-style numbers). Timed, not asserted:

* baseline: ``pandas.read_csv(path, dtype=str)``;
* import: ``rtplan import PLAN needs FILE`` as the CLI runs it (:func:`rtplan.importing.import_file`
  on a freshly loaded plan): read (strict decoding, one csv parse for header and body, limits),
  type every column (number style, categories), identity (a hash of each row), validation of the
  plan with the rows in place, and the journaled save (the table written to CSV text, read back
  and compared with what was validated, the old file archived, fsync); a fresh copy of an empty
  plan for each run (not timed);
* the two alternate, one of each per round, so a change in the machine's load hits both; the
  ratio is the median of the rounds' ratios;
* the phases one by one (medians of their own runs) with their share of the sum, and a cProfile
  of one whole import (the functions with most own time).

Target: the whole import within 5x of ``read_csv``. Run: ``python benchmarks/bench_import.py``.

Measured with this script on 2 cores shared with other work, load average 7-11: before the
import's save reused its validation, parsed the table back column by column and searched a whole
column for private numbers at once, 41-44x (3 runs; read_csv 26-30 ms, the import 1.14-1.31 s);
after, 17-26x (5 runs; read_csv 20-45 ms, the import 0.62-0.94 s). Not yet the 5x target: about
half of the import is the save (CSV text, writing, reading the bytes back and parsing them,
archive and fsync), the rest validation, typing and reading; the README says more.
"""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rtplan import storage  # noqa: E402
from rtplan.importing import check, commit, import_file, prepare, read  # noqa: E402

N = 10_000
REPEAT = 7
CATEGORIES = ["Ekonomi", "Kesehatan", "Pendidikan", "Lingkungan", "Infrastruktur", "Sosial budaya", "Keamanan"]
PLACES = ["Gang Melati", "Gang Kenanga", "Gang Mawar", "Seluruh RT", "Balai warga"]


def make_csv(path: Path) -> None:
    rng = random.Random(16)
    lines = [('Cap waktu,"Apa kebutuhan atau masalah utama\ndi lingkungan RT?",Bidang,Jelaskan singkat,Lokasi,'
             "Berapa KK terdampak?")]
    for i in range(N):
        stamp = f"{1 + i % 28:02d}/11/2026 {i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}"
        kk = rng.choice(["3", "12", "1.200", "", "40"])
        lines.append(f'{stamp},Masalah nomor {i},{rng.choice(CATEGORIES)},"Uraian {i}, cukup panjang",'
                     f"{rng.choice(PLACES)},{kk}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median_time(fn: Callable[[], object], setup: Callable[[], object] | None = None) -> float:
    times = []
    for _ in range(REPEAT):
        if setup is not None:
            setup()
        times.append(timed(fn))
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "survei.csv"
        make_csv(csv_path)
        empty = Path(tmp) / "empty"
        storage.new_plan(empty, storage.default_meta(rt="05", rw="03"))
        plan_dir = Path(tmp) / "plan"

        def fresh() -> None:
            shutil.rmtree(plan_dir, ignore_errors=True)
            shutil.copytree(empty, plan_dir)

        def whole() -> None:
            outcome = import_file(storage.load_plan(plan_dir), "needs", csv_path)
            assert outcome.saved, outcome.blocked[:3]
            assert outcome.added == N

        fresh()
        whole()  # warm: the first import loads code and caches every later one has
        baselines, imports = [], []
        for _ in range(REPEAT):
            baselines.append(timed(lambda: pd.read_csv(csv_path, dtype=str)))
            fresh()
            imports.append(timed(whole))
        ratios = [i / b for i, b in zip(imports, baselines)]

        fresh()
        t_load = median_time(lambda: storage.load_plan(plan_dir))
        plan = storage.load_plan(plan_dir)
        t_read = median_time(lambda: read(csv_path, "needs"))
        raw = read(csv_path, "needs")
        t_prepare = median_time(lambda: prepare(plan, "needs", raw))
        t_check = median_time(lambda: check(plan, [prepare(plan, "needs", raw)])) - t_prepare

        def save_only() -> None:
            loaded = storage.load_plan(plan_dir)
            commit(loaded, [prepare(loaded, "needs", raw)])

        t_save = median_time(save_only, fresh) - t_prepare - t_check - t_load

        fresh()
        profiler = cProfile.Profile()
        profiler.enable()
        whole()
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(15)

    load = os.getloadavg()
    baseline, imported = statistics.median(baselines), statistics.median(imports)
    print(f"rows: {N:,}; file: Google Forms needs survey ({csv_path.name}); load average {load[0]:.2f}")
    print(f"pandas.read_csv (baseline):       {baseline * 1000:8.0f} ms   (runs {min(baselines) * 1000:.0f}-"
          f"{max(baselines) * 1000:.0f})")
    print(f"rtplan import (whole, saved):     {imported * 1000:8.0f} ms   (runs {min(imports) * 1000:.0f}-"
          f"{max(imports) * 1000:.0f})")
    print(f"ratio (median of {REPEAT} rounds):      {statistics.median(ratios):8.2f}x  (rounds {min(ratios):.1f}-"
          f"{max(ratios):.1f}x; target <= 5x)")
    phases = [("load the plan (18 tables)", t_load), ("read (decode, csv, limits)", t_read),
              ("prepare (map, type, identity)", t_prepare), ("check (plan validation)", t_check),
              ("save (to CSV, read back, compare, write)", t_save)]
    total = sum(t for _, t in phases)
    print("phases (medians of separate runs; share of their sum):")
    for name, t in phases:
        print(f"  {name:42s}{t * 1000:8.0f} ms  {100 * t / total:5.1f}%")
    print("cProfile of one whole import, by own time:")
    print("\n".join(out.getvalue().splitlines()[:40]))


if __name__ == "__main__":
    main()
