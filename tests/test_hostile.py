"""A hostile corpus: every command on every broken plan ends with a documented exit code
and a message, never a traceback, and leaves the plan's bytes as they were.

The corpus is in ``tests/hostile_corpus.py`` (each case named by what it shows). Most
runs call :func:`rtplan.cli.main` in-process for speed; a few go through the real
``rtplan`` program (broken pipe, documents, tracebacks on stderr).
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_corpus import (
    CASES,
    DOCUMENTED_EXITS,
    INTERNAL_MARKERS,
    build,
    copy_example,
    folder_digest,
)

from rtplan.cli import EXIT_BROKEN_PIPE, EXIT_CODES, main

RTPLAN = str(Path(sys.executable).with_name("rtplan"))
SLOW_CASES = {"ten_thousand_columns"}  # 10,000 columns take ~1.5 s a load: fewer commands
# the cases that touch the scoring tables run every ranking method (the rest: --method final)
SCORING_CASES = {"unknown_enums_everywhere", "duplicate_ids_everywhere", "dangling_references", "huge_numbers",
                 "scores_out_of_range", "pairwise_nonsense", "header_only", "required_cells_empty",
                 "windows_1252", "broken_csv_quoting"}


def commands(plan: Path, out: Path, slow: bool = False, scoring: bool = False) -> list[list[str]]:
    p = str(plan)
    every = [["validate", p], ["info", p], ["rank", p, "--method", "final"], ["match", p], ["conflicts", p],
             ["budget", p], ["kas", p], ["progress", p], ["export", p, "--ics", "-o", str(out / "j.ics")],
             ["export", p, "--musrenbang", "--engine", "none", "-o", str(out / "m.xlsx")]]
    if slow:
        return [every[0], every[2], every[6], every[8]]
    if not scoring:
        return every
    return every + [["rank", p, "--method", m, "--format", f]
                    for m, f in (("usg", "csv"), ("dots", "json"), ("pairwise", "text"), ("combined", "csv"))]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_clean(argv: list[str], code: int, out: str, err: str) -> None:
    where = f"rtplan {' '.join(argv[:1] + argv[2:])} -> {code}\nstderr: {err[-800:]}"
    assert code in DOCUMENTED_EXITS, where
    leaked = [m for m in INTERNAL_MARKERS if m in err or (m != "\x1b[" and m in out)]
    assert not leaked, f"internal error text {leaked} in output of {where}"
    if code == 2:
        assert err.strip(), f"refused without a message: {where}"


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_command_on_every_case(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = build(case, tmp_path / "plan")
    out = tmp_path / "out"
    out.mkdir()
    before = folder_digest(plan)
    results = {}
    for argv in commands(plan, out, slow=case in SLOW_CASES, scoring=case in SCORING_CASES):
        code, stdout, stderr = run(argv, capsys)
        assert_clean(argv, code, stdout, stderr)
        results[" ".join(argv[:1] + argv[2:4])] = (code, stdout, stderr)
    assert folder_digest(plan) == before, f"{case}: the plan folder changed"
    # a plan with errors: every command that computes says so (a warning or a refusal), never silence
    validate_code = results["validate"][0]
    if validate_code != 0:
        for name, (_code, _stdout, stderr) in results.items():
            if name.split()[0] not in ("validate", "info"):
                assert stderr.strip(), f"{case}: rtplan {name} said nothing about the plan's problems"


def test_corpus_has_every_class_the_issue_names() -> None:
    named = {"unknown_decision", "unknown_activity_status", "duplicate_participant_id", "dangling_references",
             "broken_csv_quoting", "windows_1252", "bom_everywhere", "nul_bytes", "directory_instead_of_csv",
             "empty_files", "header_only", "huge_cell", "ten_thousand_columns", "broken_toml", "toml_wrong_types",
             "missing_plan_toml", "impossible_dates", "negative_money", "bad_times"}
    assert named <= set(CASES)
    print(f"hostile corpus: {len(CASES)} cases")


# --- the three crashes issue 10 item 7 names ------------------------------------------

def test_match_on_an_unknown_decision_warns_and_leaves_the_row_out(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    plan = build("unknown_decision", tmp_path / "plan")
    code, out, err = run(["validate", str(plan)], capsys)
    assert code == 1 and "mungkin" in out
    code, out, err = run(["match", str(plan), "--format", "json"], capsys)
    assert code == 0
    assert "rtplan validate" in err and "matches.csv 1 baris" in err
    assert "mungkin" not in out


def test_a_file_that_cannot_be_read_is_refused_with_validates_message(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    plan = build("windows_1252", tmp_path / "plan")
    code, out, _ = run(["validate", str(plan)], capsys)
    assert code == 1
    message = next(line for line in out.splitlines() if "participants.csv" in line and "UTF-8" in line)
    code, out, err = run(["rank", str(plan)], capsys)  # the ranking reads participants (scorers)
    assert code == 2 and out == ""
    assert message.strip("!? ") in err and "rtplan rank" in err
    code, _, err = run(["kas", str(plan)], capsys)  # the cash book does not need participants: it works
    assert code == 0 and "rtplan validate" in err


def test_wrong_types_in_plan_toml_are_reported_and_treated_as_not_set(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    plan = build("toml_wrong_types", tmp_path / "plan")
    code, out, _ = run(["validate", str(plan), "--lang", "en"], capsys)
    assert code == 1 and "period.start" in out and "kemarin" in out
    code, out, _ = run(["info", str(plan), "--lang", "en"], capsys)
    assert code == 0 and "problem" in out
    code, _, err = run(["conflicts", str(plan), "--lang", "en"], capsys)
    assert code == 0 and "Warning" in err


def test_an_empty_plan_says_what_is_missing(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    plan = build("header_only", tmp_path / "plan")
    code, out, _ = run(["validate", str(plan), "--lang", "en"], capsys)
    assert code == 0
    assert "valid" in out
    for part in ("participants", "meetings", "needs", "activities", "ledger"):
        assert part in out.split("valid", 1)[1]
    # once there are participants, they are no longer named missing
    copy_example(tmp_path / "full")
    (plan / "participants.csv").write_bytes((tmp_path / "full" / "participants.csv").read_bytes())
    code, out, _ = run(["validate", str(plan), "--lang", "en"], capsys)
    assert "participants (participants.csv)" not in out and "meetings (meetings.csv)" in out


# --- OS errors, pipes, exit codes -----------------------------------------------------

@pytest.mark.parametrize("err_no", [errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EISDIR, errno.ENOTDIR,
                                    errno.ENAMETOOLONG, errno.EIO])
def test_an_os_error_while_writing_names_the_path(err_no: int, example_dir: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import rtplan.documents.ics

    target = tmp_path / "out" / "jadwal.ics"

    def fail(*_a, **_k):  # type: ignore[no-untyped-def]
        raise OSError(err_no, os.strerror(err_no), str(target))

    monkeypatch.setattr(rtplan.documents.ics, "write_ics", fail)
    before = folder_digest(example_dir)
    code, _, err = run(["export", str(example_dir), "--ics", "-o", str(target)], capsys)
    assert code == 2
    assert str(target) in err and "OSError" not in err and "tak terduga" not in err
    assert folder_digest(example_dir) == before


def test_real_os_errors_from_output_paths(example_dir: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    a_file = tmp_path / "berkas.txt"
    a_file.write_text("x")
    for target, word in ((a_file / "sub" / "j.ics", "berkas.txt"), (tmp_path / ("x" * 300 + ".ics"), "x" * 50)):
        code, _, err = run(["export", str(example_dir), "--ics", "-o", str(target)], capsys)
        assert code == 2, err
        assert word in err and "Error:" not in err and "tak terduga" not in err


def test_help_documents_every_exit_code(capsys) -> None:  # type: ignore[no-untyped-def]
    for lang in ("id", "en"):
        from rtplan.cli import build_parser

        parser = build_parser(lang)
        with pytest.raises(SystemExit):
            parser.parse_args(["--help"])
        text = capsys.readouterr().out
        for code in EXIT_CODES:
            assert f"\n  {code} " in text, (lang, code)
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    for code in EXIT_CODES:
        assert f"| {code} |" in section, code


def test_output_into_a_closed_pipe_ends_quietly(example_dir: Path) -> None:
    # `rtplan conflicts PLAN | head -1`: the reader leaves after one line
    proc = subprocess.Popen([RTPLAN, "conflicts", str(example_dir)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    code = proc.wait(timeout=60)
    assert code in (0, EXIT_BROKEN_PIPE), (code, err)
    assert err == ""


@pytest.mark.parametrize(("case", "cmd"), [("unknown_decision", "match"), ("directory_instead_of_csv", "kas"),
                                          ("missing_plan_toml", "rank")])
def test_the_real_program_shows_no_traceback(case: str, cmd: str, tmp_path: Path) -> None:
    plan = build(case, tmp_path / "plan")
    before = folder_digest(plan)
    proc = subprocess.run([RTPLAN, cmd, str(plan)], check=False, capture_output=True, text=True, timeout=120)
    assert proc.returncode in DOCUMENTED_EXITS, proc.stderr
    assert "Traceback" not in proc.stderr and proc.stderr.strip()
    assert folder_digest(plan) == before


# --- documents (slow: a kernel per document) ------------------------------------------

@pytest.mark.parametrize("case", ["unknown_activity_status", "duplicate_participant_id"])
def test_handout_works_on_what_is_readable(case: str, tmp_path: Path) -> None:
    plan = build(case, tmp_path / "plan")
    before = folder_digest(plan)
    target = tmp_path / "out" / "handout.html"
    proc = subprocess.run([RTPLAN, "handout", str(plan), "--format", "html", "-o", str(target)],
                          check=False, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "rtplan validate" in proc.stderr and "\x1b[" not in proc.stderr and "Traceback" not in proc.stderr
    assert target.stat().st_size > 10_000
    assert folder_digest(plan) == before


def test_a_report_on_an_empty_plan_says_what_is_missing(tmp_path: Path) -> None:
    plan = build("header_only", tmp_path / "plan")
    target = tmp_path / "out" / "kas.html"
    proc = subprocess.run([RTPLAN, "report", str(plan), "--kas", "--format", "html", "-o", str(target), "--lang", "en"],
                          check=False, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "cash-book entries (ledger.csv)" in proc.stderr and "Traceback" not in proc.stderr
    assert target.exists()


def test_a_failing_document_cell_is_a_plain_message(example_dir: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from nbclient.exceptions import CellExecutionError

    from rtplan.documents.build import cell_failure

    exc = CellExecutionError("\x1b[31mKeyError\x1b[39m: 'x'\n---\ncell source dump", "KeyError", "'x'")
    monkeypatch.delenv("RTPLAN_DEBUG", raising=False)
    text = cell_failure(exc, "id")
    assert "\x1b" not in text and "KeyError" not in text and "rtplan validate" in text
    monkeypatch.setenv("RTPLAN_DEBUG", "1")
    err = subprocess.run([sys.executable, "-c", (
        "import sys; from nbclient.exceptions import CellExecutionError;"
        "from rtplan.documents.build import cell_failure;"
        "print(cell_failure(CellExecutionError('\\x1b[31mKeyError\\x1b[39m: x', 'KeyError', 'x'), 'en'))")],
        check=False, capture_output=True, text=True, timeout=60)
    assert "KeyError: x" in err.stderr and "\x1b" not in err.stderr  # the details, with RTPLAN_DEBUG=1 only
