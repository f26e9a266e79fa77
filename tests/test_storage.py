"""Saving without loss: round trip, atomic writes, concurrent changes, history."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pandas as pd
import pytest

from rtplan import storage
from rtplan.exceptions import (
    ConcurrentChangeError,
    HistoryError,
    PlanExistsError,
    PlanNotFoundError,
    ValidationError,
)
from rtplan.schema import TABLES


def _add_participant(plan, pid="P900", name="Rina Marlina", sex="P"):  # type: ignore[no-untyped-def]
    df = plan.copy_table("participants")
    row = dict.fromkeys(df.columns)
    row.update(participant_id=pid, name=name, sex=sex, age_band="25-39", group="PKK", consent=True)
    return pd.concat([df, pd.DataFrame([row])], ignore_index=True)


def test_round_trip_gives_equal_tables_and_byte_stable_files(any_example_dir: Path) -> None:
    plan = storage.load_plan(any_example_dir)
    before = {n: (any_example_dir / t.filename).read_bytes() for n, t in TABLES.items()
              if (any_example_dir / t.filename).exists()}
    for name in TABLES:
        assert storage.serialize_table(name, plan[name]) == before.get(
            name, storage.serialize_table(name, TABLES[name].empty())), name
    storage.save_tables(plan, {name: plan.copy_table(name) for name in TABLES})
    again = storage.load_plan(any_example_dir)
    for name in TABLES:
        pd.testing.assert_frame_equal(plan[name], again[name])
        if name in before:
            assert (any_example_dir / TABLES[name].filename).read_bytes() == before[name]
    # nothing changed, so nothing was archived
    assert not (any_example_dir / storage.HISTORY_DIR).exists()


def test_saved_file_is_canonical_utf8_without_bom(make_plan) -> None:  # type: ignore[no-untyped-def]
    folder = make_plan()
    plan = storage.load_plan(folder)
    df = _add_participant(plan, name='Siti "Ucok", Jl. Melati & <b>')
    storage.save_table(plan, "participants", df)
    data = (folder / "participants.csv").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" not in data
    assert b'"Siti ""Ucok"", Jl. Melati & <b>"' in data
    assert storage.load_plan(folder)["participants"].loc[0, "name"] == 'Siti "Ucok", Jl. Melati & <b>'


def test_when_replace_crashes_then_old_file_is_intact(make_plan, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = make_plan()
    plan = storage.load_plan(folder)
    storage.save_table(plan, "participants", _add_participant(plan))
    old = (folder / "participants.csv").read_bytes()

    def crash(src, dst):  # type: ignore[no-untyped-def]
        raise OSError("disk full / power cut")

    monkeypatch.setattr(storage.saving.os, "replace", crash)
    with pytest.raises(OSError, match="power cut"):
        storage.save_table(plan, "participants", _add_participant(plan, "P901", "Dewi"))
    monkeypatch.undo()
    assert (folder / "participants.csv").read_bytes() == old
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")], "temporary file left behind"
    assert len(storage.load_plan(folder)["participants"]) == 1


def test_when_file_changed_on_disk_then_save_is_refused(make_plan) -> None:  # type: ignore[no-untyped-def]
    folder = make_plan()
    plan = storage.load_plan(folder)
    other = storage.load_plan(folder)  # another kernel
    storage.save_table(other, "participants", _add_participant(other, "P001", "Dari kernel lain"))
    theirs = (folder / "participants.csv").read_bytes()
    with pytest.raises(ConcurrentChangeError) as exc:
        storage.save_table(plan, "participants", _add_participant(plan, "P001", "Punya saya"))
    assert "participants.csv" in str(exc.value)
    assert "TIDAK disimpan" in str(exc.value)
    assert (folder / "participants.csv").read_bytes() == theirs


def test_when_file_edited_by_hand_then_save_is_refused_in_english(make_plan) -> None:  # type: ignore[no-untyped-def]
    folder = make_plan(lang="en")
    plan = storage.load_plan(folder)
    with open(folder / "needs.csv", "a", encoding="utf-8") as fh:
        fh.write("N01,Saluran mampet,lingkungan,,,,,,\n")
    with pytest.raises(ConcurrentChangeError, match="was NOT saved"):
        storage.save_table(plan, "needs", plan.copy_table("needs"))
    assert "Saluran mampet" in (folder / "needs.csv").read_text()


def test_invalid_table_never_reaches_disk(make_plan) -> None:  # type: ignore[no-untyped-def]
    folder = make_plan()
    plan = storage.load_plan(folder)
    before = (folder / "participants.csv").read_bytes()
    bad = _add_participant(plan, sex="X")
    with pytest.raises(ValidationError) as exc:
        storage.save_table(plan, "participants", bad)
    assert "participants.csv baris 2, kolom sex" in str(exc.value)
    assert (folder / "participants.csv").read_bytes() == before
    assert plan["participants"].empty  # the in-memory plan keeps the last valid state


def test_deleting_a_referenced_participant_is_refused(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    attended = plan["attendance"]["participant_id"].iloc[0]
    people = plan.copy_table("participants")
    with pytest.raises(ValidationError) as exc:
        storage.save_table(plan, "participants", people[people["participant_id"] != attended])
    assert "attendance.csv" in str(exc.value) and attended in str(exc.value)


def test_history_keeps_previous_versions_bounded_and_restores(make_plan, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(storage.history, "HISTORY_KEEP", 3)
    folder = make_plan()
    plan = storage.load_plan(folder)
    for i in range(6):
        storage.save_table(plan, "participants", _add_participant(plan, f"P{i:03d}", f"Orang {i}"))
    versions = storage.list_versions(folder, "participants")
    assert len(versions) == 3
    latest = (folder / "participants.csv").read_bytes()
    chosen = storage.restore(folder, "participants")
    assert chosen.version == versions[0].version
    restored = storage.load_plan(folder)["participants"]
    assert len(restored) == 5  # the version before the last save
    # the replaced file went into the history, so the restore can itself be undone
    assert storage.list_versions(folder, "participants")[0].path.read_bytes() == latest


def test_restore_unknown_version_and_empty_history(make_plan) -> None:  # type: ignore[no-untyped-def]
    folder = make_plan()
    with pytest.raises(HistoryError, match="Belum ada versi lama"):
        storage.restore(folder, "needs")
    with pytest.raises(HistoryError, match="tidak dikenal"):
        storage.restore(folder, "kebutuhan")


def test_new_plan_refuses_to_overwrite(tmp_path: Path, make_plan) -> None:  # type: ignore[no-untyped-def]
    folder = make_plan()
    keep = (folder / "plan.toml").read_bytes()
    with pytest.raises(PlanExistsError):
        storage.new_plan(folder, storage.default_meta())
    assert (folder / "plan.toml").read_bytes() == keep
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "catatan.txt").write_text("jangan dihapus")
    with pytest.raises(PlanExistsError):
        storage.new_plan(tmp_path / "other", storage.default_meta())


def test_new_plan_writes_every_table_header(make_plan) -> None:  # type: ignore[no-untyped-def]
    folder = make_plan()
    for table in TABLES.values():
        header = (folder / table.filename).read_text(encoding="utf-8").splitlines()[0]
        assert header == ",".join(table.column_names)


def test_new_plan_title_names_its_year_once() -> None:
    one = storage.default_meta(start=dt.date(2027, 1, 1), end=dt.date(2027, 6, 30))
    assert one["title"] == "Rencana Pemberdayaan Warga RT 01/RW 01 2027"
    two = storage.default_meta(start=dt.date(2026, 12, 1), end=dt.date(2027, 5, 31), lang="en")
    assert two["title"] == "Community Empowerment Plan RT 01/RW 01 2026-2027"


def test_load_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PlanNotFoundError, match="bukan folder rencana"):
        storage.load_plan(tmp_path / "tidak-ada")


def test_missing_table_file_means_empty_table(make_plan) -> None:  # type: ignore[no-untyped-def]
    folder = make_plan()
    os.remove(folder / "ledger.csv")
    plan = storage.load_plan(folder)
    assert plan["ledger"].empty and list(plan["ledger"].columns) == TABLES["ledger"].column_names
    storage.save_table(plan, "ledger", plan.copy_table("ledger"))  # absent before: creating it is fine
    assert (folder / "ledger.csv").exists()


def test_extra_columns_are_kept(make_plan) -> None:  # type: ignore[no-untyped-def]
    folder = make_plan()
    (folder / "needs.csv").write_text(
        "need_id,title,category,catatan_rw\nN01,Jalan rusak,infrastruktur,dibahas di RW\n", encoding="utf-8")
    plan = storage.load_plan(folder)
    assert plan["needs"].loc[0, "catatan_rw"] == "dibahas di RW"
    storage.save_table(plan, "needs", plan.copy_table("needs"))
    header = (folder / "needs.csv").read_text().splitlines()[0]
    assert header.endswith(",catatan_rw")


def test_save_meta_validates_and_keeps_history(make_plan) -> None:  # type: ignore[no-untyped-def]
    folder = make_plan()
    plan = storage.load_plan(folder)
    meta = dict(plan.meta)
    meta["period"] = {"start": dt.date(2027, 1, 1), "end": dt.date(2026, 1, 1)}
    with pytest.raises(ValidationError, match=r"plan\.toml"):
        storage.save_meta(plan, meta)
    meta = dict(plan.meta, households=61)
    storage.save_meta(plan, meta)
    assert storage.load_plan(folder).meta["households"] == 61
    assert storage.list_versions(folder, "plan")
