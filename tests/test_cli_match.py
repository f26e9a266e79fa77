"""``rtplan match``: text, CSV and JSON; exit codes; contacts never printed."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from rtplan import storage
from rtplan.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_has_matches_and_gaps(example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "match", str(example_dir), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"matches", "gaps"}
    for m in data["matches"]:
        assert {"need_id", "resource_id", "score", "reason", "confirmed"} <= set(m)
        assert m["score"] == sum(m["components"].values())
    by_pair = {(m["need_id"], m["resource_id"]): m for m in data["matches"]}
    assert by_pair[("N01", "R01")]["confirmed"] is True
    assert by_pair[("N06", "R11")]["confirmed"] is False
    assert by_pair[("N02", "R17")]["confirmed"] is None
    assert by_pair[("N01", "R01")]["reason"] == "Bu Sari bersedia melatih menjahit setiap Sabtu pagi"
    assert data["matches"][0]["need_id"] == "N07"  # the top priority comes first
    gaps = {g["need_id"]: g for g in data["gaps"]}
    assert {"N01", "N03", "N05", "N07"}.isdisjoint(gaps)  # they have an accepted resource
    assert gaps["N14"]["suggested_partners"][0] == "kelurahan (dana kelurahan)"
    assert all({"need_id", "title", "suggested_partners"} <= set(g) and g["suggested_partners"] for g in gaps.values())
    assert data["settings"]["max_cost_idr"] == 19700000


def test_csv_matches_and_gaps(example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "match", str(example_dir), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0])[:6] == ["need_id", "need_title", "priority", "resource_id", "resource_name", "score"]
    first = rows[0]
    assert (first["need_id"], first["resource_id"], first["confirmed"], first["decision"]) == (
        "N07", "R19", "true", "diterima")
    assert int(first["score"]) == sum(int(first[k]) for k in ("skill", "field", "time", "cost"))
    code, out, _ = run(capsys, "match", str(example_dir), "--format", "csv", "--table", "gaps", "--lang", "en")
    gaps = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and gaps and "kelurahan office (village fund)" in gaps[0]["suggested_partners"]


def test_text_lists_needs_matches_and_whom_to_ask(example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "match", str(example_dir))
    assert code == 0
    assert "1. N07 Saluran air mampet dan meluap saat hujan" in out
    assert "✔ R01 Keterampilan menjahit Bu Sari" in out
    assert "Skor = keahlian (0-50) + bidang (0-20) + waktu (0-20) + biaya (0-10)" in out
    assert "Kekurangan (siapa yang perlu dihubungi):" in out
    assert "N14 Penghuni kontrakan belum lapor ke RT (belum ada sumber daya yang cocok)" in out
    code, out, _ = run(capsys, "match", str(example_dir), "--lang", "en")
    assert code == 0 and "Gaps (whom to ask):" in out and "can do" in out


def test_when_and_max_cost_change_the_suggestions(example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    def pairs(*extra: str) -> set[tuple[str, str]]:
        code, out, _ = run(capsys, "match", str(example_dir), "--format", "json", *extra)
        assert code == 0
        return {(m["need_id"], m["resource_id"]) for m in json.loads(out)["matches"]}

    everything = pairs()
    assert ("N02", "R05") in everything and ("N02", "R04") in everything
    assert ("N02", "R05") not in pairs("--max-cost", "Rp 50.000")  # costs Rp 100.000
    assert ("N02", "R04") not in pairs("--when", "Sabtu pagi")  # free on Saturday and Sunday afternoons
    assert ("N02", "R17") in pairs("--when", "Sabtu pagi")


def test_bad_arguments_and_missing_plan_exit_2(  # type: ignore[no-untyped-def]
        example_dir: Path, tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "match", str(example_dir), "--max-cost", "mahal")
    assert code == 2 and "mahal" in err
    code, _, err = run(capsys, "match", str(example_dir), "--format", "xml")
    assert code == 2
    code, _, err = run(capsys, "match", str(example_dir), "--when", "kapan-kapan")
    assert code == 2 and "kapan-kapan" in err
    code, _, err = run(capsys, "match", str(tmp_path / "tidak-ada"))
    assert code == 2 and "kesalahan" in err.lower()


def test_contacts_are_never_printed(any_example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    plan = storage.load_plan(any_example_dir)
    contacts = [c for c in plan["resources"]["contact"] if c]
    # a phone number typed into a note must not leak either
    matches = plan.copy_table("matches").astype("object")
    matches.loc[0, "note"] = "hubungi 0812 3456 7890"
    storage.save_tables(plan, {"matches": matches})
    before = {p.name: p.read_bytes() for p in any_example_dir.iterdir() if p.is_file()}
    outputs = []
    for args in (["--format", "text"], ["--format", "json"], ["--format", "csv"],
                 ["--format", "csv", "--table", "gaps"], ["--lang", "en"]):
        code, out, err = run(capsys, "match", str(any_example_dir), *args)
        assert code == 0, err
        outputs.append(out + err)
    for out in outputs:
        assert not any(c in out for c in contacts)
        assert "0812 3456 7890" not in out
    assert any("[kontak disembunyikan]" in out for out in outputs)
    assert {p.name: p.read_bytes() for p in any_example_dir.iterdir() if p.is_file()} == before  # read only
