"""Fuzzing the plan folder: hypothesis writes random CSV content (cells, quoting,
headers) into a few tables and random ``plan.toml`` content; every command that reads
the table runs, ends with a documented exit code and no traceback, and leaves the
plan's bytes unchanged. Derandomized, so CI sees the same examples every run.
"""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
from pathlib import Path

import pytest
import tomli_w
from hostile_corpus import INTERNAL_MARKERS, copy_example, folder_digest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rtplan.cli import EXIT_BUG, main
from rtplan.schema import TABLES

FUZZ = settings(max_examples=12, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# the commands that read each fuzzed table
READERS = {
    "needs": [["rank"], ["match", "--format", "json"]],
    "participants": [["rank", "--method", "usg"], ["info"]],
    "activities": [["conflicts"], ["budget"], ["progress"], ["export", "--ics"]],
    "ledger": [["kas", "--book"], ["progress", "--format", "json"]],
    "matches": [["match"]],
}

# cells a hand-edited or hostile file holds: plausible values, near misses and junk
_PLAUSIBLE = st.sampled_from([
    "", "N01", "N99", "P001", "P999", "A01", "R01", "M01", "K001", "konsensus", "seri", "L", "P", "X", "true",
    "false", "ya", "0", "-1", "5", "9", "120000", "-50000", "Rp 50.000", "1e9", "9" * 30, "nan", "2027-01-15",
    "2026-02-30", "15/01/2027", "19:30", "25:00", "weekly", "yearly", "rencana", "selesai", "batal", "hampir",
    "diterima", "ditolak", "mungkin", "ekonomi", "olahraga", "N01;N02", ";;", "=1+1", "<b>x</b>", "\u202e",
])
_CELL = st.one_of(_PLAUSIBLE, st.text(max_size=30),
                  st.text(alphabet=st.characters(codec="utf-8"), max_size=12))


_BY_KIND = {
    "int": st.one_of(st.integers(-10, 10**6).map(str), st.sampled_from(["9" * 19, "9" * 40, "-0", "1.5", "1e3", "x"])),
    "money": st.one_of(st.integers(-10**7, 10**9).map(str), st.sampled_from(["9" * 25, "Rp 5.000", "5rb", "-"])),
    "date": st.one_of(st.dates().map(str), st.sampled_from(["2026-02-30", "2027-13-01", "0000-00-00", "kemarin"])),
    "time": st.one_of(st.times().map(lambda t: t.strftime("%H:%M")), st.sampled_from(["25:00", "7", "19.30", "24:00"])),
    "bool": st.sampled_from(["true", "false", "TRUE", "ya", "1", ""]),
}


def _cell_for(table: str, name: str) -> st.SearchStrategy[str]:
    """Mostly a value of the column's own kind (in range or just out of it), sometimes anything."""
    tbl = TABLES[table]
    if name not in tbl.column_names:
        return _CELL
    col = tbl.column(name)
    own = _BY_KIND.get(col.kind)
    if col.allowed:
        own = st.one_of(st.sampled_from(list(col.allowed)), st.sampled_from(["hampir", "mungkin", "X", ""]))
    return st.one_of(own, _CELL) if own is not None else _CELL


@st.composite
def csv_file(draw: st.DrawFn, table: str) -> bytes:
    """A CSV for ``table``: the real header shuffled, cut or padded, rows of fuzzed cells,
    any quoting, sometimes raw bytes broken at random."""
    names = list(TABLES[table].column_names)
    header = draw(st.permutations(names))
    header = (header[: draw(st.one_of(st.just(len(header)), st.integers(1, len(header))))]
              + draw(st.lists(st.sampled_from([*names, "extra", ""]), max_size=2)))
    row = st.one_of(st.tuples(*[_cell_for(table, h) for h in header]).map(list),  # a full row, typed cells
                    st.lists(_CELL, min_size=0, max_size=len(header) + 2))  # a ragged row of anything
    rows = draw(st.lists(row, max_size=6))
    buf = io.StringIO()
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]))
    writer = csv.writer(buf, quoting=quoting, lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
    writer.writerow(header)
    writer.writerows(rows)
    data = buf.getvalue().encode("utf-8", "surrogatepass")
    mangle = draw(st.sampled_from(["none", "none", "cut", "quote", "bytes", "bom"]))
    if mangle == "cut" and data:
        data = data[: draw(st.integers(0, len(data)))]
    elif mangle == "quote":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + b'"' + data[at:]
    elif mangle == "bytes":
        data += draw(st.binary(max_size=40))
    elif mangle == "bom":
        data = b"\xef\xbb\xbf" + data
    return data


_TOML_VALUE = st.one_of(st.none(), st.integers(-10**6, 10**6), st.text(max_size=15), st.booleans(),
                        st.dates(), st.lists(st.integers(), max_size=2), st.sampled_from(["id", "en", "fr", ""]))


@st.composite
def toml_file(draw: st.DrawFn) -> bytes:
    """``plan.toml`` with each known setting kept, dropped or replaced by a value of any type,
    a section replaced by a scalar, or the text broken."""
    meta: dict[str, object] = {
        "schema_version": 1, "title": "Rencana RT 05", "language": "id", "households": 60, "residents": 221,
        "area": {"rt": "05", "rw": "03", "kelurahan": "Sukamaju"},
        "people": {"ketua_rt": "Bambang Hartono"},
        "period": {"start": __import__("datetime").date(2026, 12, 1), "end": __import__("datetime").date(2027, 5, 31)},
    }
    for key in list(meta):
        choice = draw(st.sampled_from(["keep", "keep", "drop", "replace", "inner"]))
        if choice == "drop":
            del meta[key]
        elif choice == "replace":
            meta[key] = draw(_TOML_VALUE)
        elif choice == "inner" and isinstance(meta[key], dict):
            inner = dict(meta[key])  # type: ignore[arg-type]
            inner[draw(st.sampled_from([*sorted(inner), "extra"]))] = draw(_TOML_VALUE)
            meta[key] = inner
    meta = {k: v for k, v in meta.items() if v is not None}
    meta = {k: ({ik: iv for ik, iv in v.items() if iv is not None} if isinstance(v, dict) else v)
            for k, v in meta.items()}
    data = tomli_w.dumps(meta).encode("utf-8")
    if draw(st.booleans()) and draw(st.booleans()):  # a quarter of the time: broken text
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from([b"[", b'"', b"=", b"\xff", b"\x00", b"\n[[x]]\n"])) + data[at:]
    return data


def _check(plan: Path, argvs: list[list[str]], capsys: pytest.CaptureFixture[str], out: Path) -> int:
    """Run ``argvs`` on ``plan``; returns how many of them refused (exit 2)."""
    before = folder_digest(plan)
    refused = 0
    for argv in argvs:
        full = [argv[0], str(plan), *argv[1:]]
        if argv[0] == "export":
            full += ["-o", str(out / "j.ics")]
        code = main(full)
        captured = capsys.readouterr()
        where = f"rtplan {' '.join(argv)} -> {code}\nstderr: {captured.err[-600:]}"
        assert code in (0, 1, 2) and code != EXIT_BUG, where
        leaked = [m for m in INTERNAL_MARKERS if m in captured.err or (m != "\x1b[" and m in captured.out)]
        assert not leaked, f"{leaked}: {where}"
        if code == 2:
            assert captured.err.strip(), where
            refused += 1
    assert folder_digest(plan) == before
    return refused


@pytest.mark.parametrize("table", sorted(READERS))
def test_fuzzed_table_never_crashes_a_command(table: str, capsys: pytest.CaptureFixture[str]) -> None:
    seen = {"plans": 0, "refused": 0}

    @FUZZ
    @given(data=csv_file(table))
    def run(data: bytes) -> None:
        work = Path(tempfile.mkdtemp(prefix="rtplan-fuzz-"))
        try:
            plan = copy_example(work / "plan")
            (plan / TABLES[table].filename).write_bytes(data)
            (work / "out").mkdir()
            seen["refused"] += _check(plan, [["validate"], *READERS[table]], capsys, work / "out")
            seen["plans"] += 1
        finally:
            shutil.rmtree(work, ignore_errors=True)

    run()
    with capsys.disabled():
        print(f"\nfuzz {TABLES[table].filename}: {seen['plans']} plans, {seen['refused']} refusals")
    assert seen["plans"] >= 10


def test_fuzzed_plan_toml_never_crashes_a_command(capsys: pytest.CaptureFixture[str]) -> None:
    seen = {"plans": 0, "refused": 0}

    @FUZZ
    @given(data=toml_file())
    def run(data: bytes) -> None:
        work = Path(tempfile.mkdtemp(prefix="rtplan-fuzz-"))
        try:
            plan = copy_example(work / "plan")
            (plan / "plan.toml").write_bytes(data)
            (work / "out").mkdir()
            seen["refused"] += _check(plan, [["validate"], ["info"], ["conflicts"], ["kas"], ["export", "--ics"]],
                                      capsys, work / "out")
            seen["plans"] += 1
        finally:
            shutil.rmtree(work, ignore_errors=True)

    run()
    with capsys.disabled():
        print(f"\nfuzz plan.toml: {seen['plans']} plans, {seen['refused']} refusals")
    assert seen["plans"] >= 10
