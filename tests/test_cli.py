"""The rtplan command line: exit codes and messages, in Indonesian and English."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from rtplan.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_new_then_validate_then_info(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "rt07"
    code, out, _ = run(capsys, "new", str(folder), "--rt", "7", "--rw", "2", "--kelurahan", "Mekarsari",
                       "--start", "2027-01-01", "--end", "2027-06-30")
    assert code == 0 and "Rencana baru dibuat" in out
    assert 'rt = "07"' in (folder / "plan.toml").read_text()
    code, out, _ = run(capsys, "validate", str(folder))
    assert code == 0 and "rencana valid" in out
    code, out, _ = run(capsys, "info", str(folder))
    assert code == 0 and "RT 07/RW 02, Kel. Mekarsari" in out and "1 Januari 2027 - 30 Juni 2027" in out


def test_new_refuses_to_overwrite(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(capsys, "new", str(tmp_path / "p"))[0] == 0
    code, _, err = run(capsys, "new", str(tmp_path / "p"), "--lang", "en")
    assert code == 2 and "Error:" in err and "overwrites nothing" in err


def test_new_with_end_before_start_writes_nothing(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "new", str(tmp_path / "p"), "--start", "2027-06-01", "--end", "2027-01-01")
    assert code == 2 and "akhir periode 2027-01-01 sebelum awal periode 2027-06-01" in err
    assert not (tmp_path / "p").exists()


def test_new_bad_date_is_a_usage_error(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "new", str(tmp_path / "p"), "--start", "1/12/2026")
    assert code == 2 and "kesalahan" in err and "1/12/2026" in err


def test_validate_broken_plan_lists_every_problem_and_exits_1(example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    text = (example_dir / "participants.csv").read_text(encoding="utf-8").splitlines()
    text[1] = text[1].replace(",L,", ",X,").replace(",P,", ",X,")
    text[2] = text[2].split(",", 1)[0] + ",,L,25-39,warga,false,,true"
    (example_dir / "participants.csv").write_text("\n".join(text) + "\n", encoding="utf-8")
    lines = (example_dir / "activities.csv").read_text(encoding="utf-8").splitlines()
    parts = lines[1].split(",")
    parts[14] = "-1"  # cost_idr
    lines[1] = ",".join(parts)
    (example_dir / "activities.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(example_dir))
    assert code == 1
    assert "3 masalah" in out
    assert "participants.csv baris 2, kolom sex" in out
    assert "participants.csv baris 3, kolom name" in out
    assert "activities.csv baris 2, kolom cost_idr" in out
    code, out, _ = run(capsys, "validate", str(example_dir), "--lang", "en")
    assert code == 1 and "3 problems found" in out and "participants.csv row 2, column sex" in out


def test_missing_plan_is_a_message_not_a_traceback(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    for cmd in ("validate", "info"):
        code, _, err = run(capsys, cmd, str(tmp_path / "nowhere"))
        assert code == 2 and "bukan folder rencana" in err and "Traceback" not in err


def test_usage_errors_in_indonesian(capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "validate")
    assert code == 2 and "argumen berikut wajib diisi: PLAN_DIR" in err
    code, _, err = run(capsys, "validasi")
    assert code == 2 and "tidak dikenal" in err


def test_help_everywhere_in_both_languages(capsys) -> None:  # type: ignore[no-untyped-def]
    for cmd in ([], ["new"], ["validate"], ["info"], ["restore"]):
        code, out, _ = run(capsys, *cmd, "--help")
        assert code == 0 and "cara pakai: rtplan" in out
        code, out, _ = run(capsys, *cmd, "--help", "--lang", "en")
        assert code == 0 and "usage: rtplan" in out


def test_restore_list_and_restore(example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from rtplan import storage

    code, out, _ = run(capsys, "restore", str(example_dir), "needs", "--list")
    assert code == 0 and "Belum ada versi lama needs.csv" in out
    plan = storage.load_plan(example_dir)
    original = (example_dir / "needs.csv").read_bytes()
    needs = plan.copy_table("needs")
    needs.loc[0, "title"] = "Judul diubah malam-malam"
    storage.save_table(plan, "needs", needs)
    code, out, _ = run(capsys, "restore", str(example_dir), "needs", "--list")
    assert code == 0 and "Versi lama needs.csv" in out
    code, out, _ = run(capsys, "restore", str(example_dir), "needs")
    assert code == 0 and "dipulihkan" in out
    assert (example_dir / "needs.csv").read_bytes() == original
    code, _, err = run(capsys, "restore", str(example_dir), "needs", "--version", "kemarin")
    assert code == 2 and "Versi 'kemarin'" in err


@pytest.mark.parametrize("example", ["contoh-rt05-rw03", "contoh-rt02-rw07-banjir"])
def test_console_script_validates_bundled_examples(example: str) -> None:
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, "-m", "rtplan", "validate", str(root / "data" / example)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "rencana valid" in result.stdout
