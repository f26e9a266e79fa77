"""The whole-column ways of an import's save give exactly what the cell-by-cell ways gave.

An import of 10,000 rows reads, checks and writes every cell; the per-cell functions it
used are replaced by whole-column ones. The references here are the replaced code, kept
as it was: reading text rows into a typed table (:func:`rtplan.tables.parse_rows`), the
private-number rule (:func:`rtplan.rules.looks_private` per cell) and the canonical CSV
bytes (:func:`rtplan.tables.rows_to_csv`). Generated odd cells (blanks, unicode spaces
and digits, CR/LF, NUL, numbers beyond int64, dates outside pandas' range, ragged rows,
repeated and unknown headers) must give the same frame, the same problems in the same
order, the same flags and the same bytes. And a save reuses the import's validation only
for the very tables that were checked.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rtplan import storage
from rtplan.cellsafe import csv_text
from rtplan.exceptions import ValidationError
from rtplan.importing import import_file
from rtplan.problems import Problem, problem
from rtplan.rules import looks_private, private_texts
from rtplan.schema import TABLES, Table
from rtplan.storage import Checked
from rtplan.tables import parse_cell, parse_rows, rows_to_csv
from rtplan.validation import build_report

ROOT = Path(__file__).resolve().parent.parent


# --------------------------------------------------------------------------- the references


def parse_rows_per_cell(table: Table, header: Sequence[str], rows: Iterable[Sequence[str]],
                        lang: str) -> tuple[pd.DataFrame, list[Problem]]:
    """``parse_rows`` as it was: one ``parse_cell`` per cell, row by row."""
    problems: list[Problem] = []
    file = table.filename
    header = [h.strip() for h in header]
    missing = [c.name for c in table.columns if c.required and c.name not in header]
    if missing:
        problems.append(problem(lang, file, None, None, "missing_columns", columns=", ".join(missing)))
    position: dict[str, int] = {}
    for i, h in enumerate(header):
        if h:
            position.setdefault(h, i)
    for h in position:
        count = header.count(h)
        if count > 1:
            problems.append(problem(lang, file, None, None, "duplicate_header", header=h, count=count))
    extras = [h for h in position if h not in table.column_names]
    data: dict[str, list[object]] = {c.name: [] for c in table.columns}
    data.update({h: [] for h in extras})
    for n, raw in enumerate(rows):
        row_no = n + 2
        cells = list(raw)
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
            problems.append(problem(lang, file, row_no, None, "too_many_fields",
                                    count=len(cells), expected=len(header)))
        for col in table.columns:
            at = position.get(col.name)
            text = cells[at].strip() if at is not None and at < len(cells) else ""
            value, rule = parse_cell(col, text)
            if rule:
                problems.append(problem(lang, file, row_no, col.name, rule, value=text))
            data[col.name].append(value)
        for h in extras:
            i = position[h]
            data[h].append(cells[i].strip() if i < len(cells) else "")
    frame = pd.DataFrame({c.name: (pd.DatetimeIndex(data[c.name], dtype="datetime64[ns]") if c.kind == "date"
                                   else pd.array(data[c.name], dtype=c.dtype)) for c in table.columns})
    if extras:
        extra = pd.DataFrame({h: data[h] for h in extras}, dtype="string", index=frame.index)
        frame = pd.concat([frame, extra], axis=1)
    return frame.reset_index(drop=True), problems


def rows_to_csv_per_cell(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """``rows_to_csv`` as it was: every cell's CRs made LFs, one writer call per row."""
    def one(cell: str) -> str:
        return cell.replace("\r\n", "\n").replace("\r", "\n") if "\r" in cell else cell

    return csv_text([one(c) for c in header], ([one(c) for c in row] for row in rows)).encode("utf-8")


# --------------------------------------------------------------------------- odd cells

ODD = ["", " ", "  \t", "\u00a0", "\u2003x\u2003", "\x1c", "0", "-0", "007", "-12", "12", "1.200", "1,5",
       "99999999999999999999", "-999999999999999999", "123456789012345678", "true", "FALSE", "True ", "yes",
       "2026-11-27", "2026-02-30", "1677-12-31", "2262-01-01", "0001-01-01", "27/11/2026", "٣", "²",
       "7:05", "07.30", "24:00", "23:60", "a;b", " a ; ;b ", ";", "x\ny", "x\r\ny", "x\ry", "\r", "é",
       "Jos\u00e9", "=1+1", '"quoted"', "a,b", "0812 3456 7890", "+62-812-3456-789", "3201234567890123",
       "32.0123.4567.890123", "x\x00y", "0\x008123456789"]
cell = st.one_of(st.sampled_from(ODD), st.text(max_size=12))
KINDS_TABLES = ["activities", "meetings", "participants", "resources", "needs", "ledger"]


def _header(table: Table, data: st.DataObject) -> list[str]:
    names = table.column_names
    chosen = data.draw(st.lists(st.sampled_from([*names, "extra", " extra ", "", "note"]), max_size=len(names) + 3))
    if data.draw(st.booleans()):
        chosen = names + chosen  # every declared column, then repeats and unknowns
    return [data.draw(st.sampled_from([h, f" {h}", f"{h} "])) for h in chosen]


def _same_problems(got: list[Problem], want: list[Problem]) -> None:
    assert [(p.file, p.row, p.column, p.rule, p.message, p.level) for p in got] == \
        [(p.file, p.row, p.column, p.rule, p.message, p.level) for p in want]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_parse_rows_by_column_is_parse_rows_by_cell(data: st.DataObject) -> None:
    table = TABLES[data.draw(st.sampled_from(KINDS_TABLES))]
    header = _header(table, data)
    width = len(header)
    rows = data.draw(st.lists(st.lists(cell, min_size=max(0, width - 2), max_size=width + 2), max_size=12))
    lang = data.draw(st.sampled_from(["id", "en"]))
    got, got_problems = parse_rows(table, header, rows, lang)
    want, want_problems = parse_rows_per_cell(table, header, rows, lang)
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    _same_problems(got_problems, want_problems)


def test_parse_rows_by_column_on_many_repeated_values() -> None:
    """The distinct texts of a column are parsed once: repeats, bad values and blanks
    over thousands of rows still give one problem per bad cell, at its row."""
    table = TABLES["activities"]
    header = [*table.column_names, "catatan"]
    rows = []
    for i in range(3000):
        row = [ODD[(i * 7 + j) % len(ODD)] for j in range(len(header))]
        if i % 97 == 0:
            row = row[:3]  # a short row
        if i % 89 == 0:
            row = [*row, "", "lebih"]  # one field too many
        rows.append(row)
    got, got_problems = parse_rows(table, header, iter(rows), "id")  # any iterable, as before
    want, want_problems = parse_rows_per_cell(table, header, rows, "id")
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    _same_problems(got_problems, want_problems)
    assert len(got_problems) > 100


private_text = st.one_of(
    st.sampled_from(ODD),
    st.text(alphabet="0123456789 .-+\x00\x1c\u00a0٣x", max_size=40),
    st.builds(lambda a, b, c: f"{a}{b}{c}", st.text(max_size=6),
              st.sampled_from(["081234567890", "+6281234567890", "0812-3456-7890", "0812 3456 789",
                               "3201234567890123", "3201.2345.6789.0123", "62812345678", "08123"]),
              st.text(alphabet="0123456789 -.a", max_size=6)),
)


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(private_text, max_size=30))
def test_private_texts_is_looks_private_per_cell(texts: list[str]) -> None:
    assert private_texts(texts).tolist() == [looks_private(t) for t in texts]


def test_private_texts_on_a_long_column_with_joins_between_digits() -> None:
    """Digits at the end of one text and the start of the next never join into a number."""
    texts = ["0812", "34567890", "1234567890123456", "nomor 0812-3456-7890 ya", "", "12345678",
             "90123456", "RT 05 / RW 03"] * 500
    assert private_texts(texts).tolist() == [looks_private(t) for t in texts]


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(st.lists(cell, min_size=1, max_size=5), max_size=10),
       header=st.lists(cell, min_size=1, max_size=5))
def test_rows_to_csv_in_one_call_is_rows_to_csv_per_row(header: list[str], rows: list[list[str]]) -> None:
    assert rows_to_csv(header, rows) == rows_to_csv_per_cell(header, rows)
    assert rows_to_csv(header, iter(rows)) == rows_to_csv_per_cell(header, rows)


# --------------------------------------------------------------------------- one validation per import


def _plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan"
    storage.new_plan(path, storage.default_meta(rt="05", rw="03"))
    return path


def test_an_import_is_validated_once_and_saved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The save reuses the import's report: the rules do not run a second time, and the
    plan's kept report is the one a fresh validation gives."""
    from rtplan.storage import saving

    path = _plan(tmp_path)
    src = tmp_path / "survei.csv"
    src.write_text("Masalah,Bidang,Berapa KK terdampak?\nJalan rusak,Infrastruktur,12\n"
                   "Sampah,Lingkungan,1.200\n", encoding="utf-8")

    def no_second_run(*args: object, **kwargs: object) -> None:
        raise AssertionError("the save ran the rules again")

    monkeypatch.setattr(saving, "update_report", no_second_run)
    plan = storage.load_plan(path)
    outcome = import_file(plan, "needs", src)
    assert outcome.saved and outcome.added == 2
    again = storage.load_plan(path)
    assert again.tables["needs"]["households_affected"].tolist() == [12, 1200]
    assert plan.error_cache is not None
    assert plan.error_cache[1].problems() == build_report(again.tables, again.meta, again.message_lang).problems()


def test_a_report_of_other_tables_is_not_reused(tmp_path: Path) -> None:
    """A ``Checked`` whose tables differ from what the save writes (here: a report made
    for an empty table) is ignored: the save runs the rules and refuses the bad row."""
    path = _plan(tmp_path)
    plan = storage.load_plan(path)
    lang = plan.message_lang
    stale = Checked(dict(plan.tables), plan.meta, lang, build_report(plan.tables, plan.meta, lang))
    table = TABLES["needs"]
    bad, _ = parse_rows(table, ["need_id", "title", "category"], [["N1", "Jalan rusak", "Bukan kategori"]], lang)
    with pytest.raises(ValidationError) as caught:
        storage.save_tables(plan, {"needs": bad}, checked=stale)
    assert any(p.rule == "allowed" for p in caught.value.problems)
    # the very tables, but a report in another language (one that found nothing): run again
    tables = {**plan.tables, "needs": bad}
    other_lang = "en" if lang == "id" else "id"
    other = Checked(tables, plan.meta, other_lang, build_report(plan.tables, plan.meta, other_lang))
    with pytest.raises(ValidationError) as caught:
        storage.save_tables(plan, {"needs": bad}, checked=other)
    assert any(p.rule == "allowed" for p in caught.value.problems)
    shutil.rmtree(path)
