"""Every CSV output quotes a field holding CR or LF, and no command writes into a plan.

* A bare carriage return in a text cell used to start a new row in the plain CSV
  outputs (the csv module quotes only the characters of its line terminator), and the
  text after it could be a live formula. Every CSV writer now goes through
  :class:`rtplan.cellsafe.CsvWriter`. The test puts a CR (followed by formula text)
  in every free-text column of every table, runs every CSV output, reads each back
  with the csv module, and compares it with the same output of the same plan with a
  space where the CR was: the same rows, the same values.
* :func:`rtplan.export.paths.refuse_plan_targets` runs before every command: each
  writing command pointed into a plan exits 2 with a message and the plan's bytes
  do not change.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from pathlib import Path

import pytest

from rtplan.cellsafe import CsvWriter, csv_text
from rtplan.cli import main
from rtplan.schema import TABLES

FORMULA_STARTS = ("=", "+", "-", "@")
CR_TAIL = '\r=HYPERLINK("http://x.invalid")'


def text_columns() -> dict[str, list[str]]:
    """Free-text columns (``str`` without a closed list of values) of every table
    (``recurrence_day`` is a rule, not text: ``2-selasa``)."""
    return {name: [c.name for c in table.columns if c.kind == "str" and c.allowed is None
                   and c.name != "recurrence_day"]
            for name, table in TABLES.items()}


def seed(src: Path, dest: Path, joiner: str) -> int:
    """Copy the plan ``src`` to ``dest`` with ``joiner + formula`` appended to every
    free-text cell (and written into the first row of a free-text column with none).
    Written straight to the CSV files, so the CR reaches rtplan as a person's editor
    would leave it. Returns the number of cells changed."""
    import shutil

    shutil.copytree(src, dest, ignore=shutil.ignore_patterns(".history"))
    tail = CR_TAIL.replace("\r", joiner)
    changed = 0
    for name, cols in text_columns().items():
        path = dest / TABLES[name].filename
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        if len(rows) < 2:
            continue
        header = rows[0]
        for col in cols:
            if col not in header:
                continue
            i = header.index(col)
            filled = [r for r in rows[1:] if r[i].strip()]
            for r in filled or rows[1:2]:
                r[i] = (r[i] or "teks") + tail
                changed += 1
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\r\n").writerows(rows)  # CRLF ends: the CR field is quoted
        path.write_text(buf.getvalue(), encoding="utf-8", newline="")
    return changed


def read(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter))


def outputs(plan: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, list[list[str]]]:
    """Every CSV output of ``plan``, parsed: name -> rows."""
    found: dict[str, list[list[str]]] = {}
    for name, argv in {"rank": ["rank", str(plan), "--format", "csv", "--method", "combined"],
                       "match": ["match", str(plan), "--format", "csv"],
                       "kas": ["kas", str(plan), "--format", "csv"]}.items():
        code = main(argv)
        captured = capsys.readouterr()
        assert code == 0, (name, captured.err)
        found[name] = read(captured.out)
    out.mkdir()
    musrenbang = out / "usulan.xlsx"
    assert main(["export", str(plan), "--musrenbang", "--engine", "none", "-o", str(musrenbang)]) == 0, \
        capsys.readouterr().err
    found["musrenbang.csv"] = read(musrenbang.with_suffix(".csv").read_text(encoding="utf-8"))
    zipped = out / "tabel.zip"
    assert main(["export", str(plan), "--csv-excel", "--include-private", "-o", str(zipped)]) == 0, \
        capsys.readouterr().err
    with zipfile.ZipFile(zipped) as zf:
        for member in zf.namelist():
            found[f"csv-excel/{member}"] = read(zf.read(member).decode("utf-8"), ";")
    research = out / "riset"
    assert main(["research", "export", str(plan), "-o", str(research), "--format", "csv", "--include-text",
                 "--secret-file", str(out.parent / "riset.key")]) == 0, capsys.readouterr().err
    for path in sorted(research.rglob("*.csv")):
        found[f"research/{path.relative_to(research)}"] = read(path.read_text(encoding="utf-8"))
    capsys.readouterr()
    return found


def test_cr_in_every_text_column_of_every_csv_output(example_dir: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    seeded = seed(example_dir, tmp_path / "cr" / example_dir.name, "\r")
    seed(example_dir, tmp_path / "ctl" / example_dir.name, " ")
    assert main(["validate", str(tmp_path / "cr" / example_dir.name)]) == 0, capsys.readouterr()
    capsys.readouterr()
    with_cr = outputs(tmp_path / "cr" / example_dir.name, tmp_path / "cr-out", capsys)
    control = outputs(tmp_path / "ctl" / example_dir.name, tmp_path / "ctl-out", capsys)
    assert with_cr.keys() == control.keys()
    cells = cr_cells = 0
    carrying = []
    for name, rows in with_cr.items():
        expected = control[name]
        assert len(rows) == len(expected), (name, len(rows), len(expected))  # no row split at a CR
        for got_row, want_row in zip(rows, expected):
            assert len(got_row) == len(want_row), (name, got_row)
            for got, want in zip(got_row, want_row):
                cells += 1
                cr_cells += "\r" in got or ("\n" in got and "\n" not in want)
                # the same value, the line break where the control has its space (the Musrenbang
                # form writes a CR as a line feed), the formula text after it intact
                assert got.replace("\r", " ").replace("\n", " ") == want.replace("\n", " "), (name, got, want)
                assert not got.startswith(FORMULA_STARTS), (name, got)  # never a live formula
        if any("=HYPERLINK" in c and ("\r" in c or "\n" in c) for r in rows for c in r):
            carrying.append(name)
    # every output that copies free text carried the CR through, quoted
    for name in ("rank", "match", "kas", "musrenbang.csv", "csv-excel/participants.csv", "csv-excel/needs.csv",
                 "csv-excel/meetings.csv", "csv-excel/resources.csv", "csv-excel/ledger.csv",
                 "research/needs.csv", "research/meetings.csv", "research/activities.csv"):
        assert name in carrying, (name, sorted(carrying))
    print(f"{seeded} cells seeded with CR + formula; {len(with_cr)} CSV outputs, {cells} cells read back "
          f"({cr_cells} holding a CR): same rows and values as the control, no live formula")


@pytest.mark.parametrize("end", ["\n", "\r\n"])
@pytest.mark.parametrize("delimiter", [",", ";"])
def test_shared_writer_round_trips_every_line_break(end: str, delimiter: str) -> None:
    rows = [["a\rb", "c\nd", "e\r\nf", "plain", "\r", "=1+1", "x;y,z", 'q"uote']]
    text = csv_text(["h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8"], rows, delimiter=delimiter,
                    lineterminator=end)
    back = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    assert back[1] == rows[0]
    assert len(back) == 2
    assert (text.endswith(end) and not text.endswith("\r" + end)) or end == "\r\n"
    neutral = io.StringIO()
    CsvWriter(neutral, neutral=True).writerow(["=1+1", "@x", "ok", 3])
    assert next(csv.reader(io.StringIO(neutral.getvalue()))) == ["'=1+1", "'@x", "ok", "3"]


def plan_bytes(plan: Path) -> dict[str, str]:
    return {str(p.relative_to(plan)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(plan.rglob("*")) if p.is_file()}


# every command that writes a file, with the option that names what it writes
WRITERS = {
    "i18n extract -o": ["i18n", "extract", "-o", "{t}"],
    "i18n init -o": ["i18n", "init", "jv", "-o", "{t}"],
    "i18n update": ["i18n", "update", "{t}"],
    "research export -o": ["research", "export", "{plan}", "-o", "{t}", "--secret-file", "{key}"],
    "research export --secret-file": ["research", "export", "{plan}", "-o", "{out}/riset", "--secret-file", "{t}"],
    "handout -o": ["handout", "{plan}", "--format", "html", "-o", "{t}"],
    "report --kas -o": ["report", "{plan}", "--kas", "--format", "html", "-o", "{t}"],
    "report --progress -o": ["report", "{plan}", "--progress", "--format", "html", "-o", "{t}"],
    "export --musrenbang -o": ["export", "{plan}", "--musrenbang", "--engine", "none", "-o", "{t}"],
    "export --xlsx -o": ["export", "{plan}", "--xlsx", "-o", "{t}"],
    "export --csv-excel -o": ["export", "{plan}", "--csv-excel", "-o", "{t}"],
    "export --ics -o": ["export", "{plan}", "--ics", "-o", "{t}"],
    "cards -o": ["cards", "{plan}", "-o", "{t}"],
    "worksheets -o": ["worksheets", "{plan}", "--format", "html", "-o", "{t}"],
    "room-codes -o": ["room-codes", "{plan}", "--format", "html", "-o", "{t}"],
    "rank -o": ["rank", "{plan}", "--format", "csv", "-o", "{t}"],
}


def test_every_writing_command_pointed_into_a_plan_is_refused(example_dir: Path, make_plan, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    other = make_plan()
    (example_dir / "jv.po").write_text("", encoding="utf-8")  # a file someone put there: never rewritten
    targets = [example_dir / "participants.csv", example_dir / "riset", example_dir / "jv.po",
               example_dir / ".history" / "x", example_dir, other / "sub" / "file.csv", other]
    before, before_other = plan_bytes(example_dir), plan_bytes(other)
    refused = 0
    for name, argv in WRITERS.items():
        for target in targets:
            args = [a.replace("{plan}", str(example_dir)).replace("{t}", str(target))
                    .replace("{key}", str(tmp_path / "k.key")).replace("{out}", str(tmp_path)) for a in argv]
            code = main(args)
            err = capsys.readouterr().err
            assert code == 2, (name, target, err)
            assert "folder rencana" in err, (name, target, err)
            assert str(target) in err, (name, target, err)
            assert "Traceback" not in err, (name, target, err)
            refused += 1
    assert plan_bytes(example_dir) == before
    assert plan_bytes(other) == before_other
    assert not (tmp_path / "riset").exists()
    assert not (tmp_path / "k.key").exists()
    # the default name of i18n init, from inside a plan folder, is refused too
    monkeypatch.chdir(other)
    assert main(["i18n", "init", "jv"]) == 2
    assert "folder rencana" in capsys.readouterr().err
    assert plan_bytes(other) == before_other
    print(f"{refused} writes refused ({len(WRITERS)} commands x {len(targets)} targets), exit 2, plans unchanged")


def test_refusal_names_the_plan_in_its_language(make_plan, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    plan = make_plan(lang="en")
    assert main(["i18n", "extract", "-o", str(plan / "rtplan.pot")]) == 2
    assert "inside the plan folder" in capsys.readouterr().err
    assert main(["i18n", "extract", "-o", str(tmp_path / "rtplan.pot")]) == 0
    assert (tmp_path / "rtplan.pot").is_file()
