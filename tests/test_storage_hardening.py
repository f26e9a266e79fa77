"""Storage hardening (issue 10): journal recovery, temp files, write skew, scoped
validation equal to whole-plan validation, symlinks, file modes, full/read-only disks."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import random
import shutil
import stat
from pathlib import Path

import pandas as pd
import pytest

from rtplan import storage, validation
from rtplan.exceptions import (
    ConcurrentChangeError,
    DiskError,
    PlanExistsError,
    RtplanError,
    UnsafeLinkError,
    ValidationError,
)
from rtplan.schema import TABLES


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()
            and p.name in storage.PLAN_FILES}


def _temps(folder: Path) -> list[Path]:
    return list(folder.rglob(".*.tmp"))


def _add_participant(plan, pid, name="Rina Marlina"):  # type: ignore[no-untyped-def]
    df = plan.copy_table("participants")
    row = dict.fromkeys(df.columns)
    row.update(participant_id=pid, name=name, sex="P", age_band="25-39", group="PKK", consent=True)
    return pd.concat([df, pd.DataFrame([row]).astype(df.dtypes.to_dict())], ignore_index=True)


def _add_attendance(plan, meeting, pid):  # type: ignore[no-untyped-def]
    df = plan.copy_table("attendance")
    extra = pd.DataFrame([{"meeting_id": meeting, "participant_id": pid}]).astype(df.dtypes.to_dict())
    return pd.concat([df, extra], ignore_index=True)


# --------------------------------------------------------------------------- journal and temp files


def _stage_a_journal(folder: Path, new: dict[str, bytes], complete: bool) -> None:
    """Leave the folder as a save killed after (complete) or before its commit point."""
    entries = []
    for filename, data in new.items():
        tmp = storage.files._stage(folder / filename, data)
        entries.append({"file": filename, "tmp": os.path.basename(tmp),
                        "sha256": storage.files._digest(data)})
    if complete:
        (folder / storage.JOURNAL_FILE).write_text(json.dumps({"files": entries}))
    else:  # killed while writing the journal itself
        (folder / f".{storage.JOURNAL_FILE}.abc123.tmp").write_text('{"files": [')


def test_complete_journal_is_rolled_forward_on_load(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    people = storage.serialize_table("participants", _add_participant(plan, "P900"))
    attendance = storage.serialize_table("attendance", _add_attendance(plan, "M01", "P900"))
    # one file already renamed before the kill, the other still staged
    _stage_a_journal(example_dir, {"participants.csv": people, "attendance.csv": attendance}, True)
    staged = next(p for p in example_dir.iterdir() if p.name.startswith(".participants.csv."))
    os.replace(staged, example_dir / "participants.csv")
    again = storage.load_plan(example_dir)
    assert (example_dir / "participants.csv").read_bytes() == people
    assert (example_dir / "attendance.csv").read_bytes() == attendance
    assert "P900" in set(again["attendance"]["participant_id"])
    assert not (example_dir / storage.JOURNAL_FILE).exists()
    assert _temps(example_dir) == []
    assert not [p for p in validation.validate_plan(again) if p.is_error]


def test_incomplete_journal_is_rolled_back_and_temps_removed(example_dir: Path) -> None:
    before = _files(example_dir)
    plan = storage.load_plan(example_dir)
    people = storage.serialize_table("participants", _add_participant(plan, "P900"))
    _stage_a_journal(example_dir, {"participants.csv": people}, False)
    hist = example_dir / storage.HISTORY_DIR / "needs.csv"
    hist.mkdir(parents=True)
    (hist / ".20270101T000000000000.csv.x1.tmp").write_text("need_id\nN99\n")
    assert len(_temps(example_dir)) == 3
    plan = storage.load_plan(example_dir)
    assert _files(example_dir) == before
    assert _temps(example_dir) == []
    assert storage.list_versions(example_dir, "needs") == []  # a temp file is never a version
    assert "P900" not in set(plan["participants"]["participant_id"])


def test_recover_counts_and_hostile_journal_is_ignored(example_dir: Path) -> None:
    before = _files(example_dir)
    (example_dir / storage.JOURNAL_FILE).write_text(json.dumps(
        {"files": [{"file": "../../etc/passwd", "tmp": ".x.tmp", "sha256": "0"}]}))
    (example_dir / ".needs.csv.zz.tmp").write_text("need_id\n")
    counts = storage.recover(example_dir)
    assert counts == {"rolled_forward": 0, "removed": 1}
    assert _files(example_dir) == before and not (example_dir / storage.JOURNAL_FILE).exists()


def test_multi_file_save_leaves_no_journal_or_temps_and_keeps_history(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    meta = dict(plan.meta, households=61)
    storage.save_tables(plan, {"participants": _add_participant(plan, "P900")}, meta=meta)
    storage.save_tables(plan, {"attendance": _add_attendance(plan, "M01", "P900")})
    names = {p.name for p in example_dir.iterdir()}
    assert storage.JOURNAL_FILE not in names and _temps(example_dir) == []
    assert len(storage.list_versions(example_dir, "participants")) == 1
    assert len(storage.list_versions(example_dir, "plan")) == 1
    assert storage.load_plan(example_dir).meta["households"] == 61


# --------------------------------------------------------------------------- write skew


def test_write_skew_delete_participant_vs_add_attendance_is_refused(make_plan) -> None:  # type: ignore[no-untyped-def]
    folder = make_plan()
    plan = storage.load_plan(folder)
    meetings = pd.DataFrame([{"meeting_id": "M01", "date": pd.Timestamp("2026-12-05"), "title": "Rapat"}])
    storage.save_tables(plan, {"participants": _add_participant(plan, "P001", "Rina"), "meetings": meetings})
    one = storage.load_plan(folder)
    two = storage.load_plan(folder)  # a stale view in another kernel
    people = one.copy_table("participants")
    storage.save_table(one, "participants", people[people["participant_id"] != "P001"])
    with pytest.raises(ConcurrentChangeError) as exc:
        storage.save_table(two, "attendance", _add_attendance(two, "M01", "P001"))
    assert "participants.csv" in str(exc.value) and "attendance.csv" in str(exc.value)
    assert "TIDAK disimpan" in str(exc.value)
    final = storage.load_plan(folder)
    assert not [p for p in validation.validate_plan(final) if p.is_error]
    assert final["attendance"].empty


def test_write_skew_other_order_and_plan_period(make_plan) -> None:  # type: ignore[no-untyped-def]
    folder = make_plan(lang="en")
    plan = storage.load_plan(folder)
    meetings = pd.DataFrame([{"meeting_id": "M01", "date": pd.Timestamp("2026-12-05"), "title": "Meeting"}])
    storage.save_tables(plan, {"participants": _add_participant(plan, "P001", "Rina"), "meetings": meetings})
    one = storage.load_plan(folder)
    two = storage.load_plan(folder)
    storage.save_table(two, "attendance", _add_attendance(two, "M01", "P001"))
    people = one.copy_table("participants")
    with pytest.raises(ConcurrentChangeError, match=r"attendance\.csv was changed.*NOT saved"):
        storage.save_table(one, "participants", people[people["participant_id"] != "P001"])
    # the plan period (plan.toml) is a dependency of activities' dates
    three = storage.load_plan(folder)
    four = storage.load_plan(folder)
    storage.save_meta(three, dict(three.meta, period={"start": dt.date(2026, 12, 1), "end": dt.date(2027, 1, 31)}))
    acts = pd.DataFrame([{"activity_id": "A01", "title": "Kerja bakti",
                          "start_date": pd.Timestamp("2027-03-01")}])
    with pytest.raises(ConcurrentChangeError, match=r"plan\.toml"):
        storage.save_table(four, "activities", acts)


def test_unrelated_tables_save_concurrently(example_dir: Path) -> None:
    one = storage.load_plan(example_dir)
    two = storage.load_plan(example_dir)
    storage.save_table(one, "institutions", one.copy_table("institutions").iloc[:-1])
    storage.save_table(two, "funds", two.copy_table("funds").iloc[:-1])  # funds reads nothing institutions has
    again = storage.load_plan(example_dir)
    assert len(again["institutions"]) == len(one["institutions"])
    assert len(again["funds"]) == len(two["funds"])


def test_dependency_graph_comes_from_the_schema() -> None:
    assert validation.READS["attendance.csv"] == {"participants.csv", "meetings.csv"}
    assert "plan.toml" in validation.READS["activities.csv"]
    assert "attendance.csv" in validation.affected_files({"participants.csv"})
    assert validation.related_files({"attendance.csv"}) >= {"participants.csv", "meetings.csv"}
    assert validation.affected_files({"plan.toml"}) == {"plan.toml", "activities.csv"}


# --------------------------------------------------------------------------- scoped == whole validation


def _edit(plan, rng: random.Random):  # type: ignore[no-untyped-def]
    """One random edit (valid or not) of the example plan: (updates, meta or None)."""
    kind = rng.randrange(12)
    if kind == 0:
        df = plan.copy_table("usg_scores")
        df.loc[rng.randrange(len(df)), rng.choice(["urgency", "seriousness", "growth"])] = rng.randrange(0, 7)
        return {"usg_scores": df}, None
    if kind == 1:
        df = plan.copy_table("participants")
        return {"participants": df.drop(index=rng.randrange(len(df))).reset_index(drop=True)}, None
    if kind == 2:
        pid = rng.choice(["P900", "P901", *list(plan["participants"]["participant_id"])])
        return {"participants": _add_participant(plan, pid)}, None
    if kind == 3:
        pid = rng.choice(["P900", "P999", *list(plan["participants"]["participant_id"][:5])])
        return {"attendance": _add_attendance(plan, rng.choice(["M01", "M02", "M09"]), pid)}, None
    if kind == 4:
        df = plan.copy_table("needs")
        df.loc[rng.randrange(len(df)), "category"] = rng.choice(["ekonomi", "kesehatan", "bukan-bidang"])
        return {"needs": df}, None
    if kind == 5:
        df = plan.copy_table("activities")
        df.loc[rng.randrange(len(df)), "start_date"] = pd.Timestamp("2026-11-01") + pd.Timedelta(
            days=rng.randrange(0, 240))
        return {"activities": df}, None
    if kind == 6:
        end = dt.date(2027, 1, 1) + dt.timedelta(days=rng.randrange(0, 200))
        return {}, dict(plan.meta, period={"start": dt.date(2026, 12, 1), "end": end})
    if kind == 7:
        pid = f"P9{rng.randrange(10, 99)}"
        return {"participants": _add_participant(plan, pid),
                "attendance": _add_attendance(plan, "M01", pid)}, None
    if kind == 8:
        df = plan.copy_table("ledger")
        i = rng.randrange(len(df))
        df.loc[i, "income_idr"] = rng.choice([0, 1000])
        df.loc[i, "expense_idr"] = rng.choice([0, 500])
        return {"ledger": df}, None
    if kind == 9:
        df = plan.copy_table("usg_scores")
        i = rng.randrange(len(df))
        return {"usg_scores": pd.concat([df.iloc[:i], df.iloc[i + 1:], df.iloc[i:i + 1]], ignore_index=True)}, None
    if kind == 10:
        df = plan.copy_table("needs")
        row = df.iloc[[rng.randrange(len(df))]].copy()
        row["need_id"] = rng.choice(["N90", "N01"])
        return {"needs": pd.concat([row, df], ignore_index=True)}, None
    df = plan.copy_table("pairwise")
    df.loc[rng.randrange(len(df)), "winner"] = rng.choice(["seri", "N01", "N99"])
    return {"pairwise": df}, None


def test_scoped_validation_equals_whole_plan_validation_on_many_edits(tmp_path: Path, example_dir: Path) -> None:
    whole_dir = tmp_path / "whole"
    shutil.copytree(example_dir, whole_dir)
    scoped = storage.load_plan(example_dir)
    whole = storage.load_plan(whole_dir)
    rng = random.Random(20261130)
    saved = refused = 0
    for step in range(80):
        seed = rng.random()
        outcome = []
        for plan, flag in ((scoped, False), (whole, True)):
            updates, meta = _edit(plan, random.Random(seed))
            try:
                storage.save_tables(plan, updates, meta, whole=flag)
                outcome.append(None)
            except ValidationError as exc:
                outcome.append(sorted(p.message for p in exc.problems))
        assert outcome[0] == outcome[1], f"step {step}"
        saved, refused = saved + (outcome[0] is None), refused + (outcome[0] is not None)
        assert _files(example_dir) == _files(whole_dir), f"step {step}"
        for name in updates:
            pd.testing.assert_frame_equal(scoped[name], whole[name])
        if step % 3 == 0 or step > 70:
            # the kept (scoped) report is exactly what validating the whole plan gives
            kept = storage.checking._report(scoped, scoped.message_lang).problems()
            whole_report = validation.validate_tables(scoped.tables, scoped.meta, scoped.message_lang)
            assert kept == whole_report, f"step {step}"
    for name in TABLES:
        pd.testing.assert_frame_equal(scoped[name], whole[name])
    print(f"scoped vs whole validation: {saved} saves and {refused} refusals, identical")
    assert saved > 20 and refused > 20


def test_in_place_edit_of_a_loaded_table_is_still_saved(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    storage.save_table(plan, "needs", plan.copy_table("needs"))  # fills the caches
    plan.tables["needs"].loc[0, "title"] = "Diubah di tempat"
    storage.save_table(plan, "needs", plan.tables["needs"])
    assert storage.load_plan(example_dir)["needs"].loc[0, "title"] == "Diubah di tempat"
    plan.tables["needs"].loc[1, "category"] = "bukan-bidang"  # bypasses the caches: still checked
    with pytest.raises(ValidationError, match=r"needs\.csv baris 3"):
        storage.save_table(plan, "needs", plan.copy_table("needs"))


# --------------------------------------------------------------------------- symlinks


def test_table_symlink_leaving_the_folder_is_refused(example_dir: Path, tmp_path: Path) -> None:
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n")
    (example_dir / "funds.csv").unlink()
    (example_dir / "funds.csv").symlink_to(secret)
    with pytest.raises(UnsafeLinkError) as exc:
        storage.load_plan(example_dir)
    assert "funds.csv" in str(exc.value) and "symlink" in str(exc.value)
    (example_dir / "plan.toml").rename(example_dir / "plan.real")
    (example_dir / "plan.toml").symlink_to(tmp_path / "elsewhere.toml")
    with pytest.raises(UnsafeLinkError):
        storage.load_plan(example_dir)


def test_symlink_inside_the_folder_is_fine(example_dir: Path) -> None:
    (example_dir / "arsip").mkdir()
    (example_dir / "funds.csv").rename(example_dir / "arsip" / "funds.csv")
    (example_dir / "funds.csv").symlink_to("arsip/funds.csv")
    assert len(storage.load_plan(example_dir)["funds"]) > 0


def test_symlinked_history_leaving_the_folder_is_refused(example_dir: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (example_dir / storage.HISTORY_DIR).symlink_to(outside)
    plan = storage.load_plan(example_dir)
    before = _files(example_dir)
    with pytest.raises(UnsafeLinkError, match=r"\.history"):
        storage.save_table(plan, "participants", _add_participant(plan, "P900"))
    assert list(outside.iterdir()) == [] and _files(example_dir) == before
    with pytest.raises(UnsafeLinkError):
        storage.list_versions(example_dir, "participants")
    (example_dir / storage.HISTORY_DIR).unlink()
    (example_dir / storage.HISTORY_DIR).mkdir()
    (example_dir / storage.HISTORY_DIR / "participants.csv").symlink_to(outside)
    with pytest.raises(UnsafeLinkError):
        storage.save_table(plan, "participants", _add_participant(plan, "P900"))
    assert list(outside.iterdir()) == [] and _files(example_dir) == before


def test_fifo_or_folder_as_table_is_a_problem_not_a_hang(example_dir: Path) -> None:
    (example_dir / "funds.csv").unlink()
    os.mkfifo(example_dir / "funds.csv")
    (example_dir / "votes.csv").unlink()
    (example_dir / "votes.csv").mkdir()
    plan = storage.load_plan(example_dir)
    assert {p.file for p in plan.load_problems} >= {"funds.csv", "votes.csv"}
    assert "bukan berkas biasa" in " ".join(p.message for p in plan.load_problems)


# --------------------------------------------------------------------------- modes


def test_replaced_file_keeps_mode_new_file_gets_umask(example_dir: Path, tmp_path: Path) -> None:
    os.chmod(example_dir / "participants.csv", 0o640)
    plan = storage.load_plan(example_dir)
    storage.save_table(plan, "participants", _add_participant(plan, "P900"))
    assert stat.S_IMODE((example_dir / "participants.csv").stat().st_mode) == 0o640
    old = os.umask(0o027)
    try:
        storage.atomic_write(tmp_path / "baru.csv", b"a\n")
        assert stat.S_IMODE((tmp_path / "baru.csv").stat().st_mode) == 0o640
        os.umask(0o022)
        storage.atomic_write(tmp_path / "ekspor.ics", b"x")
        assert stat.S_IMODE((tmp_path / "ekspor.ics").stat().st_mode) == 0o644
        folder = tmp_path / "rencana"
        storage.new_plan(folder, storage.default_meta())
        assert stat.S_IMODE((folder / "needs.csv").stat().st_mode) == 0o644
        assert stat.S_IMODE(folder.stat().st_mode) == 0o755
        hist = storage.list_versions(example_dir, "participants")[0].path
        assert stat.S_IMODE(hist.stat().st_mode) == 0o640  # the kept copy keeps the file's mode
    finally:
        os.umask(old)


# --------------------------------------------------------------------------- full / read-only disks


def _fail_on(monkeypatch, name: str, code: int, after: int = 0) -> None:  # type: ignore[no-untyped-def]
    real = getattr(os, name)
    calls = {"n": 0}

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] > after:
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, broken)


@pytest.mark.parametrize(("code", "text"), [
    (errno.ENOSPC, "disk penuh"), (errno.EROFS, "hanya-baca"),
    (errno.EACCES, "tidak ada izin"), (errno.EDQUOT, "kuota"),
])
@pytest.mark.parametrize(("call", "after"), [("write", 0), ("write", 1), ("replace", 0), ("replace", 1),
                                         ("fsync", 0), ("mkdir", 0)])
def test_disk_errors_during_a_save_leave_everything_intact(example_dir: Path, monkeypatch, code, text,
                                                           call, after) -> None:  # type: ignore[no-untyped-def]
    plan = storage.load_plan(example_dir)
    storage.save_table(plan, "institutions", plan.copy_table("institutions").iloc[:-1])  # history exists now
    before = _files(example_dir)
    versions = storage.list_versions(example_dir, "institutions")
    people = _add_participant(plan, "P900")
    _fail_on(monkeypatch, call, code, after)
    try:
        storage.save_tables(plan, {"participants": people, "attendance": _add_attendance(plan, "M01", "P900")},
                            meta=dict(plan.meta, households=70))
        raised = None
    except RtplanError as exc:
        raised = exc
    monkeypatch.undo()
    assert isinstance(raised, DiskError), (call, after, raised)
    assert text in str(raised) and str(example_dir) in str(raised)
    assert _files(example_dir) == before
    assert _temps(example_dir) == [] and not (example_dir / storage.JOURNAL_FILE).exists()
    assert storage.list_versions(example_dir, "institutions") == versions
    assert storage.list_versions(example_dir, "participants") == []
    assert "P900" not in set(plan["participants"]["participant_id"])  # memory keeps the last saved state
    storage.save_tables(plan, {"participants": people})  # and the same save works once the disk is fine


def test_disk_error_in_english_and_for_exports(tmp_path: Path, make_plan, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = make_plan(lang="en")
    plan = storage.load_plan(folder)
    _fail_on(monkeypatch, "write", errno.ENOSPC)
    with pytest.raises(DiskError, match="the disk is full"):
        storage.save_table(plan, "participants", _add_participant(plan, "P001"))
    with pytest.raises(DiskError, match="disk penuh") as exc:
        storage.atomic_write(tmp_path / "out.ics", b"BEGIN:VCALENDAR")
    monkeypatch.undo()
    assert exc.value.errno == errno.ENOSPC and exc.value.path == tmp_path / "out.ics"
    assert not (tmp_path / "out.ics").exists() and _temps(tmp_path) == []


def test_restore_on_a_full_disk_is_a_clear_error(example_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    plan = storage.load_plan(example_dir)
    storage.save_table(plan, "institutions", plan.copy_table("institutions").iloc[:-1])
    before = _files(example_dir)
    _fail_on(monkeypatch, "write", errno.ENOSPC)
    with pytest.raises(DiskError, match="disk penuh"):
        storage.restore(example_dir, "institutions")
    monkeypatch.undo()
    assert _files(example_dir) == before and _temps(example_dir) == []


def test_read_only_folder_still_loads(example_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (example_dir / ".needs.csv.left.tmp").write_text("x")  # stray temp on a read-only disk
    real_open = os.open

    def ro_open(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", ro_open)
    _fail_on(monkeypatch, "unlink", errno.EROFS)
    plan = storage.load_plan(example_dir)
    assert len(plan["needs"]) > 0
    with pytest.raises(DiskError, match="hanya-baca"):
        storage.save_table(plan, "institutions", plan.copy_table("institutions").iloc[:-1])


@pytest.mark.parametrize(("call", "after"), [("write", 0), ("write", 5), ("replace", 3), ("rename", 0),
                                         ("fsync", 2)])
def test_new_plan_is_all_or_nothing(tmp_path: Path, monkeypatch, call, after) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "rt07"
    _fail_on(monkeypatch, call, errno.ENOSPC, after)
    with pytest.raises(DiskError, match="disk penuh"):
        storage.new_plan(folder, storage.default_meta(rt="07"))
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []  # nothing half-made, nothing that blocks a retry
    storage.new_plan(folder, storage.default_meta(rt="07"))
    assert storage.load_plan(folder).area["rt"] == "07"


def test_new_plan_into_an_existing_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "kosong").mkdir()
    storage.new_plan(tmp_path / "kosong", storage.default_meta())
    assert (tmp_path / "kosong" / "plan.toml").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["kosong"]
    with pytest.raises(PlanExistsError):
        storage.new_plan(tmp_path / "kosong", storage.default_meta())


def test_saving_over_a_fifo_or_beside_a_folder_named_like_a_temp_is_refused(example_dir: Path) -> None:
    (example_dir / ".kosong.tmp").mkdir()  # a folder named like a temp file is not ours to delete
    plan = storage.load_plan(example_dir)
    assert (example_dir / ".kosong.tmp").is_dir()
    os.remove(example_dir / "funds.csv")
    os.mkfifo(example_dir / "funds.csv")
    with pytest.raises(RtplanError, match=r"funds\.csv: bukan berkas biasa"):
        storage.save_table(plan, "funds", plan.copy_table("funds"))
    assert stat.S_ISFIFO(os.lstat(example_dir / "funds.csv").st_mode)


def test_restoring_a_damaged_history_copy_is_a_clear_error(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    storage.save_meta(plan, dict(plan.meta, households=61))
    version = storage.list_versions(example_dir, "plan")[0]
    version.path.write_bytes(b"title = [tidak ditutup\n")
    with pytest.raises(RtplanError, match=r"plan\.toml tidak bisa dibaca"):
        storage.restore(example_dir, "plan")
    assert storage.load_plan(example_dir).meta["households"] == 61
