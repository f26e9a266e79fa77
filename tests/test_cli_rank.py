"""``rtplan rank``: text, CSV and JSON output, methods, languages, exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from rtplan.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_default_is_the_final_order_as_an_aligned_table(example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "rank", str(example_dir))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Urutan prioritas akhir · Rencana Pemberdayaan Warga RT 05/RW 03 2026-2027"
    header = next(line for line in lines if line.startswith("Peringkat"))
    assert "Kebutuhan/masalah" in header and "Catatan" in header
    rows = [line for line in lines if line.strip()[:2].strip().isdigit()]
    assert [r.split()[1] for r in rows[:5]] == ["N07", "N01", "N03", "N05", "N08"]
    assert len(rows) == 14
    # columns line up: every row has the id at the same position as the header's ID
    col = header.index("ID")
    assert all(r[col:col + 3].startswith("N") for r in rows)
    assert "Urutan: urutan prioritas yang disimpan (priorities.csv)" in out


def test_usg_text_prints_the_tie_break(any_example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "rank", str(any_example_dir), "--method", "usg")
    assert code == 0
    assert "bila sama: S (keseriusan) lebih tinggi, lalu U (urgensi)" in " ".join(out.split())
    assert "Seri diputus oleh" in out


def test_json_is_a_list_best_first(any_example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    for method in ("usg", "dots", "pairwise", "combined", "final"):
        code, out, _ = run(capsys, "rank", str(any_example_dir), "--method", method, "--format", "json")
        assert code == 0
        data = json.loads(out)
        assert isinstance(data, list) and data
        assert {"need_id", "title", "rank", "score"} <= set(data[0])
        assert [d["rank"] for d in data] == list(range(1, len(data) + 1))
        if method != "final":  # the final order follows the meeting's decision, not the score
            scores = [d["score"] for d in data]
            assert scores == sorted(scores, reverse=True)


def test_json_usg_of_the_flood_plan_uses_consensus(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from conftest import copy_example

    plan = copy_example("contoh-rt02-rw07-banjir", tmp_path)
    _, out, _ = run(capsys, "rank", str(plan), "--method", "usg", "--format", "json")
    data = json.loads(out)
    assert [(d["need_id"], d["score"], d["source"]) for d in data[:3]] == [
        ("N01", 14, "konsensus"), ("N03", 13, "konsensus"), ("N02", 12, "konsensus")]
    _, out, _ = run(capsys, "rank", str(plan), "--method", "usg", "--format", "json", "--no-consensus")
    assert {d["source"] for d in json.loads(out)} == {"mean"}


def test_csv_for_spreadsheets(example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "rank", str(example_dir), "--method", "dots", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0])[:4] == ["need_id", "title", "rank", "score"]
    assert (rows[0]["need_id"], rows[0]["dots"], rows[0]["voters"]) == ("N07", "12", "8")
    assert len(rows) == 14


def test_csv_to_a_file_has_a_bom_for_excel(example_dir: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "peringkat.csv"
    code, out, _ = run(capsys, "rank", str(example_dir), "--format", "csv", "--output", str(target))
    assert code == 0 and "peringkat.csv (14 baris)" in out
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfneed_id,title,rank,score")


def test_english_output(example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "rank", str(example_dir), "--method", "pairwise", "--lang", "en")
    assert code == 0
    assert out.startswith("Pairwise ranking · ") and "Order: highest score (win 1, tie 0.5 per pair)" in out
    assert "10 of 10 pairs judged" in out


def test_missing_plan_and_bad_method_are_refused(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "rank", str(tmp_path / "nope"))
    assert code == 2 and "bukan folder rencana" in err
    code, _, err = run(capsys, "rank", str(tmp_path), "--method", "borda")
    assert code == 2 and "borda" in err


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_empty_plan_ranks_nothing(make_plan, capsys, fmt: str) -> None:  # type: ignore[no-untyped-def]
    plan = make_plan()
    code, out, _ = run(capsys, "rank", str(plan), "--format", fmt)
    assert code == 0
    if fmt == "json":
        assert json.loads(out) == []
    elif fmt == "csv":
        assert out.splitlines()[0].startswith("need_id,title,rank,score,category")
    else:
        assert "Belum ada kebutuhan" in out
