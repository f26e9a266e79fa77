"""``rtplan conflicts``, ``rtplan budget`` and ``rtplan export --ics``: output and exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import icalendar
import pytest

from rtplan.cli import main
from rtplan.export.paths import default_output


def run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_conflicts_text_lists_the_venue_clash_first(example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "conflicts", str(example_dir))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Pemeriksaan jadwal: Rencana Pemberdayaan Warga RT 05/RW 03 2026-2027"
    assert "1 bentrok" in lines[1]
    assert lines[3] == "Bentrok: Tempat dipakai bersamaan (1)"
    assert lines[4].startswith("  ! A03 Posyandu lansia") and "Balai Warga RT 05" in lines[4]
    assert "Periksa: Hari libur" in out and "Tahun Baru Imlek" in out


def test_conflicts_json_objects(example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "conflicts", str(example_dir), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert isinstance(data, list) and data
    for item in data:
        assert {"kind", "activity_ids", "date", "message", "severity", "dates"} <= set(item)
    assert data[0]["kind"] == "venue_clash" and data[0]["activity_ids"] == ["A03", "A06"]
    assert data[0]["date"] == "2027-01-10"
    assert any(d["kind"] == "holiday" and d["activity_ids"] == ["A07"] and d["date"] == "2027-03-10" for d in data)


def test_strict_exits_1_when_there_is_any_finding(example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(capsys, "conflicts", str(example_dir), "--strict")[0] == 1


def test_strict_exits_0_on_a_clean_schedule(make_plan: Callable[..., Path], capsys) -> None:  # type: ignore[no-untyped-def]
    folder = make_plan()
    code, out, _ = run(capsys, "conflicts", str(folder), "--strict")
    assert code == 0 and "Tidak ada bentrok jadwal." in out
    code, out, _ = run(capsys, "conflicts", str(folder), "--format", "json", "--strict")
    assert code == 0 and json.loads(out) == []


def test_conflicts_in_english(example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "conflicts", str(example_dir), "--lang", "en")
    assert code == 0 and "Conflict: Venue double-booked (1)" in out and "both use Balai Warga RT 05" in out


def test_conflicts_on_a_missing_plan_is_refused(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "conflicts", str(tmp_path / "nothing"))
    assert code == 2 and "plan.toml" in err


def test_budget_text(example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "budget", str(example_dir))
    assert code == 0
    row = next(line for line in out.splitlines() if line.startswith("dana kelurahan"))
    assert row.split()[2:9] == ["Rp", "7.300.000", "Rp", "6.000.000", "Rp", "1.300.000", "-"]
    assert "dana kelurahan kurang Rp 1.300.000" in out
    assert "Swadaya warga: Rp 3.000.000 (15% dari rencana biaya)." in out
    assert "Desember 2026" in out


def test_budget_json(any_example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "budget", str(any_example_dir), "--format", "json")
    assert code == 0
    data = json.loads(out)
    for item in data:
        assert {"funding_source", "planned_idr", "available_idr", "shortfall_idr"} <= set(item)
        assert item["shortfall_idr"] == max(0, item["planned_idr"] - item["available_idr"])
    if any_example_dir.name == "contoh-rt05-rw03":
        kel = next(d for d in data if d["funding_source"] == "dana kelurahan")
        assert (kel["planned_idr"], kel["available_idr"], kel["shortfall_idr"]) == (7_300_000, 6_000_000, 1_300_000)


def test_export_ics_to_a_file(example_dir: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "out" / "jadwal.ics"
    code, out, _ = run(capsys, "export", str(example_dir), "--ics", "-o", str(target))
    assert code == 0 and out.strip() == f"122 sesi ditulis ke {target}"
    events = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert len(events) == 122


def test_export_ics_default_goes_to_exports(example_dir: Path, tmp_path: Path, capsys,  # type: ignore[no-untyped-def]
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "kerja"
    (work / "exports").mkdir(parents=True)
    monkeypatch.chdir(work)
    code, out, _ = run(capsys, "export", str(example_dir), "--ics", "--tz", "WITA", "--lang", "en")
    target = work / "exports" / "contoh-rt05-rw03-jadwal.ics"
    assert code == 0 and target.exists() and "122 sessions written to" in out
    assert b"TZID:Asia/Makassar" in target.read_bytes()


def test_default_output_finds_the_projects_exports_folder(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "exports").mkdir(parents=True)
    (repo / "data" / "rt07").mkdir(parents=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert default_output(repo / "data" / "rt07", "jadwal.ics", cwd=elsewhere) == repo / "exports" / "rt07-jadwal.ics"
    lone = tmp_path / "lone"
    lone.mkdir()
    assert default_output(lone, "jadwal.ics", cwd=elsewhere) == elsewhere / "exports" / "lone-jadwal.ics"


def test_export_needs_a_kind_and_a_known_time_zone(example_dir: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "export", str(example_dir))
    assert code == 2 and "--ics" in err
    code, _, err = run(capsys, "export", str(example_dir), "--ics", "--tz", "Mars/Olympus", "-o",
                       str(tmp_path / "x.ics"))
    assert code == 2 and "zona waktu 'Mars/Olympus' tidak dikenal" in err
    assert not (tmp_path / "x.ics").exists()
