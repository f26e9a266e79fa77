"""Importing a 100,000-row survey CSV against plain ``pandas.read_csv`` of the same file.

The file is a Google Forms export of a needs survey (``Cap waktu``, free-text
questions, ``Ekonomi``-style categories, ``1.200``-style numbers). Timed, not asserted:

* baseline: ``pandas.read_csv(path, dtype=str)``;
* import: what ``rtplan import --dry-run`` does before validation: read (encoding,
  delimiter, header search, total rows), recognise the tool, map the headers,
  convert every cell (categories, numbers), de-duplicate against the plan and give
  ids (:func:`rtplan.importing.prepare`, ``max_rows=None``: the CLI refuses files over
  ``MAX_ROWS`` = 10,000 rows for one RT);
* also printed: the plan-wide validation of the prepared rows (:func:`check`), which
  is storage's job and runs on every save.

Target: the import within 2x of ``read_csv``. Run: ``python benchmarks/bench_import.py``.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rtplan import storage  # noqa: E402
from rtplan.importing import check, prepare, read  # noqa: E402

N = 100_000
REPEAT = 3
CATEGORIES = ["Ekonomi", "Kesehatan", "Pendidikan", "Lingkungan", "Infrastruktur", "Sosial budaya", "Keamanan"]
PLACES = ["Gang Melati", "Gang Kenanga", "Gang Mawar", "Seluruh RT", "Balai warga"]


def make_csv(path: Path) -> None:
    rng = random.Random(16)
    lines = [("Cap waktu,Apa kebutuhan atau masalah utama di lingkungan RT?,Bidang,Jelaskan singkat,Lokasi,"
              "Berapa KK terdampak?")]
    for i in range(N):
        stamp = f"{1 + i % 28:02d}/11/2026 {i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}"
        kk = rng.choice(["3", "12", "1.200", "", "40"])
        lines.append(f"{stamp},Masalah nomor {i},{rng.choice(CATEGORIES)},\"Uraian {i}, cukup panjang\","
                     f"{rng.choice(PLACES)},{kk}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def best(fn) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "survei.csv"
        make_csv(csv_path)
        plan_dir = Path(tmp) / "plan"
        storage.new_plan(plan_dir, storage.default_meta(rt="05", rw="03"))
        plan = storage.load_plan(plan_dir)

        baseline = best(lambda: pd.read_csv(csv_path, dtype=str))

        def run_import():  # type: ignore[no-untyped-def]
            raw = read(csv_path, "needs")
            return prepare(plan, "needs", raw, max_rows=None)

        imported = best(run_import)
        prepared = run_import()
        assert len(prepared.frame) == N and not prepared.problems, prepared.messages()[:3]
        start = time.perf_counter()
        check(plan, [prepared])
        validation = time.perf_counter() - start
    print(f"rows: {N:,}; file: Google Forms needs survey")
    print(f"pandas.read_csv (baseline): {baseline * 1000:8.0f} ms")
    print(f"rtplan import (prepare):    {imported * 1000:8.0f} ms   ratio {imported / baseline:.2f}x (target <= 2x)")
    print(f"plan validation of the rows (check, storage's rules; not in the ratio): {validation * 1000:.0f} ms")


if __name__ == "__main__":
    main()
