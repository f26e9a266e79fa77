"""A corpus of broken plan folders, each built from the main example by one mutation.

Shared by ``tests/test_hostile.py`` and ``tests/test_fuzz.py``. Every case is named by
what it shows; :data:`CASES` maps the name to a function that breaks a fresh copy
of the example plan in place. Example data stays fictional.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import random
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "data" / "contoh-rt05-rw03"

# exit codes documented in the README and in ``rtplan --help`` (3 is rtplan's own bug)
DOCUMENTED_EXITS = {0, 1, 2}
# what a Python traceback or an internal error class name looks like in output
INTERNAL_MARKERS = ("Traceback", "KeyError", "ValueError", "TypeError", "IndexError", "AttributeError",
                    "UnicodeDecodeError", "ParserError", "OverflowError", "AssertionError", "CellExecutionError",
                    "IsADirectoryError", "NotADirectoryError", "\x1b[")


def copy_example(dest: Path) -> Path:
    shutil.copytree(EXAMPLE, dest, ignore=shutil.ignore_patterns(".history", ".rtplan.lock"))
    return dest


# the (empty, git-ignored) lock file a load or save may create: not plan data
LOCK_FILE = ".rtplan.lock"


def folder_digest(folder: Path) -> dict[str, str]:
    """Every file and folder under ``folder`` (history included, the lock file not) -> a hash of it."""
    out: dict[str, str] = {}
    if not folder.exists():
        return out
    if folder.is_file() or folder.is_symlink():
        return {".": hashlib.sha256(folder.read_bytes()).hexdigest()}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        if rel == LOCK_FILE:
            continue
        if path.is_symlink():
            out[rel] = "link:" + os.readlink(path)
        elif path.is_dir():
            out[rel] = "dir"
        else:
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


# --- small CSV helpers ---------------------------------------------------------------

def read_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def write_rows(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> None:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))


def mutate_one_cell(path: Path, rng: random.Random, values: Sequence[str],
                    cuts: tuple[float, float, float] = (0.55, 0.85, 0.93)) -> None:
    """One random change to a data row of the CSV at ``path``: a cell set to one of ``values``
    (below ``cuts[0]``), a cell copied from another row (below ``cuts[1]``), a row doubled
    (below ``cuts[2]``) or a row dropped. A file with no data row is left as it is."""
    rows = read_rows(path)
    if len(rows) < 2:
        return
    r, c = rng.randrange(1, len(rows)), rng.randrange(len(rows[0]))
    op = rng.random()
    if op < cuts[0]:
        rows[r][c] = rng.choice(values)
    elif op < cuts[1]:
        rows[r][c] = rows[rng.randrange(1, len(rows))][c]
    elif op < cuts[2]:
        rows.insert(r, list(rows[r]))
    else:
        del rows[r]
    write_rows(path, rows)


def set_cell(plan: Path, table: str, row: int, column: str, value: str) -> None:
    """Set one cell (``row`` 1 = first data row) of ``table``.csv."""
    path = plan / f"{table}.csv"
    rows = read_rows(path)
    rows[row][rows[0].index(column)] = value
    write_rows(path, rows)


def duplicate_row(plan: Path, table: str, row: int = 1) -> None:
    path = plan / f"{table}.csv"
    rows = read_rows(path)
    rows.insert(row + 1, list(rows[row]))
    write_rows(path, rows)


def tables(plan: Path) -> list[Path]:
    return sorted(plan.glob("*.csv"))


def _replace_toml(plan: Path, old: str, new: str) -> None:
    path = plan / "plan.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- the cases -----------------------------------------------------------------------

def _unknown_decision(p: Path) -> None:
    set_cell(p, "matches", 1, "decision", "mungkin")


def _unknown_activity_status(p: Path) -> None:
    set_cell(p, "activities", 1, "status", "hampir-selesai")


def _unknown_enums_everywhere(p: Path) -> None:
    set_cell(p, "participants", 1, "sex", "X")
    set_cell(p, "participants", 2, "age_band", "tua")
    set_cell(p, "needs", 1, "category", "olahraga")
    set_cell(p, "needs", 2, "status", "entah")
    set_cell(p, "resources", 1, "category", "ajaib")
    set_cell(p, "activities", 2, "recurrence", "yearly")
    set_cell(p, "priorities", 1, "method", "undian")
    set_cell(p, "problem_tree", 1, "kind", "daun")


def _duplicate_participant_id(p: Path) -> None:
    set_cell(p, "participants", 2, "participant_id", "P001")


def _duplicate_ids_everywhere(p: Path) -> None:
    for table, column, first in (("participants", "participant_id", "P001"), ("needs", "need_id", "N01"),
                                 ("meetings", "meeting_id", "M01"), ("resources", "resource_id", "R01"),
                                 ("activities", "activity_id", "A01"), ("ledger", "entry_id", "K001")):
        set_cell(p, table, 2, column, first)
    duplicate_row(p, "attendance")
    duplicate_row(p, "usg_scores")
    duplicate_row(p, "votes")
    duplicate_row(p, "matches")
    duplicate_row(p, "realizations")


def _dangling_references(p: Path) -> None:
    set_cell(p, "attendance", 1, "participant_id", "P999")
    set_cell(p, "attendance", 2, "meeting_id", "M99")
    set_cell(p, "usg_scores", 1, "need_id", "N99")
    set_cell(p, "votes", 1, "participant_id", "P999")
    set_cell(p, "pairwise", 1, "winner", "N99")
    set_cell(p, "matches", 1, "resource_id", "R99")
    set_cell(p, "matches", 2, "need_id", "N99")
    set_cell(p, "activities", 1, "need_ids", "N01;N99")
    set_cell(p, "activities", 2, "resource_ids", "R99")
    set_cell(p, "ledger", 3, "activity_id", "A99")
    set_cell(p, "realizations", 1, "activity_id", "A99")
    set_cell(p, "decisions", 1, "meeting_id", "M99")
    set_cell(p, "problem_tree", 2, "parent_id", "T99")
    set_cell(p, "priorities", 1, "need_id", "N99")


def _broken_csv_quoting(p: Path) -> None:
    path = p / "needs.csv"
    data = path.read_bytes().splitlines(keepends=True)
    data[2] = b'N02,"UMKM warga sulit "memasarkan" produk,ekonomi,"tak ditutup\n'
    path.write_bytes(b"".join(data))


def _unclosed_quote_at_end(p: Path) -> None:
    with open(p / "participants.csv", "ab") as fh:
        fh.write(b'P900,"Nama tanpa tutup,L,25-39,warga,false,,true\n')


def _windows_1252(p: Path) -> None:
    path = p / "participants.csv"
    text = path.read_text(encoding="utf-8").replace("Dewi Lestari", "Dewi Lestari \u2013 Sekretaris Ren\u00e9")
    path.write_bytes(text.encode("cp1252"))


def _bom_everywhere(p: Path) -> None:
    for path in [*tables(p), p / "plan.toml"]:
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())


def _crlf_line_ends(p: Path) -> None:
    for path in tables(p):
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))


def _nul_bytes(p: Path) -> None:
    for name in ("needs.csv", "participants.csv", "ledger.csv"):
        path = p / name
        data = path.read_bytes()
        path.write_bytes(data[:40] + b"\x00\x00" + data[40:])


def _directory_instead_of_csv(p: Path) -> None:
    for name in ("needs.csv", "participants.csv"):
        (p / name).unlink()
        (p / name).mkdir()


def _empty_files(p: Path) -> None:
    for path in tables(p):
        path.write_bytes(b"")


def _header_only(p: Path) -> None:
    for path in tables(p):
        path.write_bytes(path.read_bytes().split(b"\n", 1)[0] + b"\n")


def _new_empty_plan(p: Path) -> None:
    for path in tables(p):
        path.unlink()


def _huge_cell(p: Path) -> None:
    set_cell(p, "needs", 1, "description", "sangat panjang " * 70_000)  # ~1 MB
    set_cell(p, "participants", 1, "name", "N" * 200_000)


def _ten_thousand_columns(p: Path) -> None:
    path = p / "needs.csv"
    rows = read_rows(path)
    rows[0] += [f"extra{i}" for i in range(10_000)]
    for r in rows[1:]:
        r.extend(["x"] * 10_000)
    write_rows(path, rows)


def _ragged_rows(p: Path) -> None:
    path = p / "activities.csv"
    rows = read_rows(path)
    rows[1] = rows[1][:3]
    rows[2] = rows[2] + ["lebih", "banyak"]
    write_rows(path, rows)


def _missing_key_column(p: Path) -> None:
    for table, column in (("needs", "need_id"), ("participants", "participant_id"), ("matches", "decision"),
                          ("activities", "status"), ("ledger", "income_idr")):
        path = p / f"{table}.csv"
        rows = read_rows(path)
        i = rows[0].index(column)
        write_rows(path, [r[:i] + r[i + 1:] for r in rows])


def _duplicate_header(p: Path) -> None:
    path = p / "needs.csv"
    rows = read_rows(path)
    rows[0][1] = "need_id"
    write_rows(path, rows)


def _broken_toml(p: Path) -> None:
    (p / "plan.toml").write_text('title = "tanpa tutup\n[area\nrt = 05\n', encoding="utf-8")


def _toml_wrong_types(p: Path) -> None:
    _replace_toml(p, "start = 2026-12-01", 'start = "kemarin"')
    _replace_toml(p, "households = 60", 'households = "enam puluh"')
    path = p / "plan.toml"
    text = path.read_text(encoding="utf-8")
    head, _, rest = text.partition("[area]")
    _, _, tail = rest.partition("[people]")
    path.write_text(head + "area = 5\n\n[people]" + tail, encoding="utf-8")


def _toml_sections_wrong(p: Path) -> None:
    (p / "plan.toml").write_text(
        'title = ["a", "b"]\nlanguage = 7\nschema_version = "satu"\npeople = "Bambang"\n'
        'period = 2026-12-01\nhouseholds = -5\nresidents = 1e99\n', encoding="utf-8")


def _toml_language_unknown(p: Path) -> None:
    _replace_toml(p, 'language = "id"', 'language = "fr"')


def _toml_future_schema(p: Path) -> None:
    _replace_toml(p, "schema_version = 1", "schema_version = 99")


def _toml_not_utf8(p: Path) -> None:
    _replace_toml(p, 'kelurahan = "Sukamaju"', 'kelurahan = "Suka\u00e9maju"')
    path = p / "plan.toml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))


def _toml_empty(p: Path) -> None:
    (p / "plan.toml").write_bytes(b"")


def _missing_plan_toml(p: Path) -> None:
    (p / "plan.toml").unlink()


def _plan_toml_is_directory(p: Path) -> None:
    (p / "plan.toml").unlink()
    (p / "plan.toml").mkdir()


def _period_reversed(p: Path) -> None:
    _replace_toml(p, "end = 2027-05-31", "end = 2025-01-01")


def _impossible_dates(p: Path) -> None:
    set_cell(p, "meetings", 1, "date", "2026-02-30")
    set_cell(p, "activities", 1, "start_date", "2026-13-01")
    set_cell(p, "activities", 2, "end_date", "31/12/2026")
    set_cell(p, "ledger", 2, "date", "kemarin")
    set_cell(p, "realizations", 1, "date", "0000-00-00")
    set_cell(p, "decisions", 1, "due_date", "2027-02-29")


def _negative_money(p: Path) -> None:
    set_cell(p, "funds", 1, "amount_idr", "-3500000")
    set_cell(p, "activities", 1, "cost_idr", "-1")
    set_cell(p, "ledger", 2, "income_idr", "-520000")
    set_cell(p, "resources", 1, "cost_idr", "-5")
    set_cell(p, "realizations", 1, "cost_idr", "-640000")


def _money_as_people_write_it(p: Path) -> None:
    set_cell(p, "funds", 1, "amount_idr", "Rp 3.500.000")
    set_cell(p, "activities", 1, "cost_idr", "3,6 jt")
    set_cell(p, "ledger", 2, "income_idr", "520000.5")


def _huge_numbers(p: Path) -> None:
    set_cell(p, "funds", 1, "amount_idr", "9" * 40)
    set_cell(p, "activities", 1, "cost_idr", "1e400")
    set_cell(p, "needs", 1, "households_affected", "99999999999999999999")
    set_cell(p, "usg_scores", 1, "urgency", "nan")
    set_cell(p, "votes", 1, "dots", "inf")


def _bad_times(p: Path) -> None:
    set_cell(p, "meetings", 1, "start_time", "25:00")
    set_cell(p, "meetings", 2, "end_time", "19:75")
    set_cell(p, "activities", 1, "start_time", "jam delapan")
    set_cell(p, "activities", 2, "end_time", "24:00")


def _reversed_ranges(p: Path) -> None:
    set_cell(p, "activities", 1, "end_date", "2026-12-01")
    set_cell(p, "activities", 1, "start_date", "2027-05-01")
    set_cell(p, "meetings", 1, "end_time", "10:00")


def _scores_out_of_range(p: Path) -> None:
    set_cell(p, "usg_scores", 1, "urgency", "9")
    set_cell(p, "usg_scores", 2, "growth", "0")
    set_cell(p, "usg_scores", 3, "seriousness", "tinggi")
    set_cell(p, "votes", 1, "dots", "-3")
    set_cell(p, "matches", 1, "score", "banyak")


def _pairwise_nonsense(p: Path) -> None:
    set_cell(p, "pairwise", 1, "need_b", "N01")
    set_cell(p, "pairwise", 2, "winner", "N07")
    set_cell(p, "pairwise", 3, "winner", "")


def _ledger_both_and_none(p: Path) -> None:
    set_cell(p, "ledger", 2, "expense_idr", "10000")
    set_cell(p, "ledger", 3, "income_idr", "0")
    set_cell(p, "ledger", 3, "expense_idr", "0")


def _required_cells_empty(p: Path) -> None:
    set_cell(p, "needs", 1, "need_id", "")
    set_cell(p, "needs", 2, "title", "")
    set_cell(p, "participants", 1, "participant_id", "")
    set_cell(p, "meetings", 1, "meeting_id", "")
    set_cell(p, "meetings", 2, "date", "")
    set_cell(p, "activities", 1, "activity_id", "")
    set_cell(p, "activities", 2, "start_date", "")
    set_cell(p, "ledger", 1, "date", "")


def _bad_booleans_and_lists(p: Path) -> None:
    set_cell(p, "participants", 1, "consent", "mungkin")
    set_cell(p, "participants", 2, "has_disability", "2")
    set_cell(p, "activities", 1, "need_ids", ";;;")
    set_cell(p, "activities", 2, "resource_ids", " ; R01 ;; ")
    set_cell(p, "meetings", 1, "agenda", ";" * 50)


def _control_and_exotic_text(p: Path) -> None:
    set_cell(p, "needs", 1, "title", "\u202eRTL\u202c \U0001F600 \x07bell \x1b[31mmerah\x1b[0m")
    set_cell(p, "participants", 1, "name", '=HYPERLINK("http://x")')
    set_cell(p, "meetings", 1, "place", "<script>alert(1)</script>")
    set_cell(p, "ledger", 1, "description", "\r\nbaris\rbaru")


def _ids_with_separators(p: Path) -> None:
    set_cell(p, "needs", 1, "need_id", "N01;N02")
    set_cell(p, "participants", 1, "participant_id", "../../etc/passwd")
    set_cell(p, "meetings", 1, "meeting_id", "M 01/..")


def _activity_recurrence_nonsense(p: Path) -> None:
    set_cell(p, "activities", 1, "recurrence_day", "hari kiamat")
    set_cell(p, "activities", 2, "recurrence_day", "9-selasa")


def _unknown_table_and_junk_files(p: Path) -> None:
    (p / "catatan.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (p / ".history").mkdir(exist_ok=True)
    (p / ".history" / "needs.csv").write_text("bukan folder riwayat", encoding="utf-8")


def _symlink_out_of_folder(p: Path) -> None:
    (p / "funds.csv").unlink()
    (p / "funds.csv").symlink_to("/etc/passwd")


def _dangling_symlink(p: Path) -> None:
    (p / "needs.csv").unlink()
    (p / "needs.csv").symlink_to(p / "tidak-ada.csv")


def _binary_garbage(p: Path) -> None:
    (p / "activities.csv").write_bytes(bytes(range(256)) * 40)
    (p / "meetings.csv").write_bytes(b"\xff\xfe" + "meeting_id,date\n".encode("utf-16-le"))


CASES: dict[str, Callable[[Path], None]] = {
    name[1:]: fn for name, fn in list(globals().items())
    if name.startswith("_") and not name.startswith("__") and callable(fn) and name != "_replace_toml"
}


def build(name: str, dest: Path) -> Path:
    """A fresh copy of the example at ``dest`` broken as case ``name`` shows."""
    copy_example(dest)
    CASES[name](dest)
    return dest
