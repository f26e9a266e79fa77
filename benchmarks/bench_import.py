"""The whole import of 10,000 rows (the most one import takes) against ``pandas.read_csv`` of the same file.

The file is a Google Forms export of a needs survey (``Cap waktu``, a question title with a line
break, ``Ekonomi``-style categories, ``1.200``-style numbers). Timed, not asserted:

* baseline: ``pandas.read_csv(path, dtype=str)``;
* import: ``rtplan import PLAN needs FILE`` as the CLI runs it (:func:`rtplan.importing.import_file`):
  read (strict decoding, one csv parse for header and body, limits), type every column (number
  style, categories), identity (a hash of each row), validation of the plan with the rows in
  place, and the journaled save; a fresh copy of an empty plan for each run (not timed);
* the phases one by one, and a cProfile of one whole import (the functions with most own time).

Target: the whole import within 5x of ``read_csv``. Run: ``python benchmarks/bench_import.py``.
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
REPEAT = 5
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


def median_time(fn: Callable[[], object], setup: Callable[[], object] | None = None) -> float:
    times = []
    for _ in range(REPEAT):
        if setup is not None:
            setup()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
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

        baseline = median_time(lambda: pd.read_csv(csv_path, dtype=str))
        imported = median_time(whole, fresh)

        fresh()
        plan = storage.load_plan(plan_dir)
        t_read = median_time(lambda: read(csv_path, "needs"))
        raw = read(csv_path, "needs")
        t_prepare = median_time(lambda: prepare(plan, "needs", raw))
        prepared = prepare(plan, "needs", raw)
        t_check = median_time(lambda: check(plan, [prepare(plan, "needs", raw)])) - t_prepare

        def save_only() -> None:
            commit(storage.load_plan(plan_dir), [prepare(storage.load_plan(plan_dir), "needs", raw)])

        t_commit = median_time(save_only, fresh) - t_prepare
        del prepared

        fresh()
        profiler = cProfile.Profile()
        profiler.enable()
        whole()
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(12)

    load = os.getloadavg()
    print(f"rows: {N:,}; file: Google Forms needs survey ({csv_path.name}); load average {load[0]:.2f}")
    print(f"pandas.read_csv (baseline):       {baseline * 1000:8.0f} ms")
    print(f"rtplan import (whole, saved):     {imported * 1000:8.0f} ms   ratio {imported / baseline:.2f}x "
          "(target <= 5x)")
    print("phases (medians of separate runs):")
    print(f"  read (decode, csv, limits):     {t_read * 1000:8.0f} ms")
    print(f"  prepare (map, type, identity):  {t_prepare * 1000:8.0f} ms  (read not included)")
    print(f"  check (plan validation):        {t_check * 1000:8.0f} ms")
    print(f"  commit (check + journaled save):{t_commit * 1000:8.0f} ms")
    print("cProfile of one whole import, by own time:")
    print("\n".join(out.getvalue().splitlines()[:40]))


if __name__ == "__main__":
    main()
