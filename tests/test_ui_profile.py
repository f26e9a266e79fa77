"""Step 0 panels driven headless: set values, click, check the plan folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from rtplan import storage
from rtplan.ui.profile import step0


@pytest.fixture
def tab(example_dir: Path):  # type: ignore[no-untyped-def]
    return step0(example_dir)


def _csv(folder: Path, name: str) -> bytes:
    return (folder / f"{name}.csv").read_bytes()


def test_add_participant_saves_it(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    editor = tab.panels["participants"]
    editor.new_button.click()
    assert editor.fields["participant_id"].value == "P031"
    editor.fields["name"].value = "Yuliani Prasetyo"
    editor.fields["sex"].value = "P"
    editor.fields["age_band"].value = "25-39"
    editor.fields["group"].value = "kader posyandu"
    editor.fields["consent"].value = True
    editor.save_button.click()
    assert editor.status.kind == "ok", editor.status.text
    people = storage.load_plan(example_dir)["participants"]
    row = people[people["participant_id"] == "P031"].iloc[0]
    assert (row["name"], row["sex"], row["group"], bool(row["consent"])) == (
        "Yuliani Prasetyo", "P", "kader posyandu", True)
    assert ("P031 · Yuliani Prasetyo", "P031") in editor.rows.options
    # the attendance panel offers the new participant at once
    assert "P031" in tab.panels["attendance"].boxes


def test_rejected_edit_leaves_disk_and_screen_as_they_were(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    editor = tab.panels["meetings"]
    before_disk = _csv(example_dir, "meetings")
    before_rows = editor.rows.options
    editor.rows.value = "M01"
    editor.fields["end_time"].value = "18.00"  # earlier than the 19:30 start
    editor.fields["title"].value = ""
    editor.save_button.click()
    assert editor.status.kind == "error"
    text = editor.status.text
    assert "Jam selesai: jam selesai 18:00 sebelum jam mulai 19:30; perbaiki salah satunya" in text
    assert "Judul: wajib diisi" in text and ".csv" not in text and "end_time" not in text
    assert _csv(example_dir, "meetings") == before_disk
    assert editor.rows.options == before_rows
    assert tab.session.plan["meetings"].loc[0, "title"] != ""


def test_edit_participant_name(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    editor = tab.panels["participants"]
    editor.rows.value = "P002"
    assert editor.fields["participant_id"].disabled
    editor.fields["name"].value = "Dewi Lestari Putri"
    editor.save_button.click()
    assert editor.status.kind == "ok"
    people = storage.load_plan(example_dir)["participants"]
    assert people.loc[people["participant_id"] == "P002", "name"].item() == "Dewi Lestari Putri"
    assert len(people) == 30


def test_delete_participant_who_attended_is_refused(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    editor = tab.panels["participants"]
    before = _csv(example_dir, "participants")
    attended = tab.session.plan["attendance"]["participant_id"].iloc[0]
    editor.rows.value = attended
    editor.delete_button.click()
    assert editor.status.kind == "error"
    assert "masih dipakai" in editor.status.text and "baris Daftar hadir" in editor.status.text
    assert not editor.confirm.asking  # a row still used is refused at once, nothing is asked
    assert _csv(example_dir, "participants") == before


def test_delete_new_participant(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    editor = tab.panels["participants"]
    editor.new_button.click()
    editor.fields["name"].value = "Tamu Sementara"
    editor.fields["sex"].value = "L"
    editor.save_button.click()
    editor.rows.value = "P031"
    editor.delete_button.click()
    editor.confirm.yes.click()
    assert editor.status.kind == "ok"
    assert "P031" not in set(storage.load_plan(example_dir)["participants"]["participant_id"])


def test_attendance_ticks_are_saved_and_summary_updates(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    panel = tab.panels["attendance"]
    summary = tab.panels["summary"]
    panel.meeting.value = "M02"
    present_before = {pid for pid, b in panel.boxes.items() if b.value}
    absent = next(pid for pid in panel.boxes if pid not in present_before)
    panel.boxes[absent].value = True
    panel.save_button.click()
    assert panel.status.kind == "ok"
    att = storage.load_plan(example_dir)["attendance"]
    assert set(att[att["meeting_id"] == "M02"]["participant_id"]) == present_before | {absent}
    assert f">{len(present_before) + 1}<" in summary.tables.value


def test_profile_rejects_bad_numbers_then_saves(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    form = tab.panels["profile"]
    before = (example_dir / "plan.toml").read_bytes()
    form.fields["households"].value = "enam puluh"
    form.save_button.click()
    assert form.status.kind == "error" and "Jumlah KK: harus bilangan bulat, bukan 'enam puluh'" in form.status.text
    assert (example_dir / "plan.toml").read_bytes() == before
    form.fields["households"].value = "61"
    form.fields["period.end"].value = dt.date(2027, 6, 30)
    form.save_button.click()
    assert form.status.kind == "ok", form.status.text
    meta = storage.load_plan(example_dir).meta
    assert meta["households"] == 61 and meta["period"]["end"] == dt.date(2027, 6, 30)


def test_change_on_disk_meanwhile_is_not_overwritten(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    other = storage.load_plan(example_dir)
    people = other.copy_table("participants")
    people.loc[0, "name"] = "Diubah di kernel lain"
    storage.save_table(other, "participants", people)
    theirs = _csv(example_dir, "participants")
    editor = tab.panels["participants"]
    editor.rows.value = "P003"
    editor.fields["name"].value = "Diubah di sini"
    editor.save_button.click()
    assert editor.status.kind == "error" and "sudah diubah di luar sesi ini" in editor.status.text
    assert _csv(example_dir, "participants") == theirs


def test_english_panels(example_dir: Path) -> None:
    tab = step0(example_dir, lang="en")
    assert tab.titles[1] == "Participants"
    editor = tab.panels["participants"]
    editor.new_button.click()
    editor.fields["name"].value = "X"
    editor.save_button.click()
    assert "X, Sex (L/P): is required" in editor.status.text
