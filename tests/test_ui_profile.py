"""Step 0 panels driven headless: set values, click, check the plan folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import opened

from rtplan import storage
from rtplan.ui.profile import step0


@pytest.fixture
def tab(example_dir: Path):  # type: ignore[no-untyped-def]
    return step0(example_dir)


def _csv(folder: Path, name: str) -> bytes:
    return (folder / f"{name}.csv").read_bytes()


def test_add_participant_saves_it(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    editor = opened(tab, "participants")
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
    assert "P031" in opened(tab, "attendance").boxes


def test_rejected_edit_leaves_disk_and_screen_as_they_were(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    editor = opened(tab, "meetings")
    before_disk = _csv(example_dir, "meetings")
    before_rows = editor.rows.options
    editor.rows.value = "M01"
    editor.fields["end_time"].value = "18.00"  # earlier than the 19:30 start
    editor.fields["title"].value = ""
    editor.save_button.click()
    assert editor.status.kind == "error"
    text = editor.status.text
    assert "Jam selesai: jam selesai 18:00 sebelum jam mulai 19:30; perbaiki salah satunya" in text
    assert "Judul: wajib diisi" in text
    assert ".csv" not in text
    assert "end_time" not in text
    assert _csv(example_dir, "meetings") == before_disk
    assert editor.rows.options == before_rows
    assert tab.session.plan["meetings"].loc[0, "title"] != ""


def test_edit_participant_name(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    editor = opened(tab, "participants")
    editor.rows.value = "P002"
    assert editor.fields["participant_id"].disabled
    editor.fields["name"].value = "Dewi Lestari Putri"
    editor.save_button.click()
    assert editor.status.kind == "ok"
    people = storage.load_plan(example_dir)["participants"]
    assert people.loc[people["participant_id"] == "P002", "name"].item() == "Dewi Lestari Putri"
    assert len(people) == 30


def test_delete_participant_who_attended_is_refused(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    editor = opened(tab, "participants")
    before = _csv(example_dir, "participants")
    attended = tab.session.plan["attendance"]["participant_id"].iloc[0]
    editor.rows.value = attended
    editor.delete_button.click()
    assert editor.status.kind == "error"
    name = tab.session.plan["participants"].set_index("participant_id").loc[attended, "name"]
    n = int((tab.session.plan["attendance"]["participant_id"] == attended).sum())
    assert f"{n} catatan hadir" in editor.status.text
    assert f"masih memakai peserta '{name}', jadi belum bisa dihapus" in editor.status.text
    assert not editor.confirm.asking  # a row still used is refused at once, nothing is asked
    assert _csv(example_dir, "participants") == before


def test_delete_new_participant(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    editor = opened(tab, "participants")
    editor.new_button.click()
    editor.fields["name"].value = "Tamu Sementara"
    editor.fields["sex"].value = "L"
    editor.fields["consent"].value = "belum"
    editor.save_button.click()
    assert editor.status.kind == "ok", editor.status.text
    editor.rows.value = "P031"
    editor.delete_button.click()
    editor.confirm.yes.click()
    assert editor.status.kind == "ok"
    assert "P031" not in set(storage.load_plan(example_dir)["participants"]["participant_id"])


def test_attendance_ticks_are_saved_and_summary_updates(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    panel = opened(tab, "attendance")
    summary = opened(tab, "summary")
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
    form = opened(tab, "profile")
    before = (example_dir / "plan.toml").read_bytes()
    form.fields["households"].value = "enam puluh"
    form.save_button.click()
    assert form.status.kind == "error"
    assert "Jumlah KK: harus bilangan bulat, bukan 'enam puluh'" in form.status.text
    assert (example_dir / "plan.toml").read_bytes() == before
    form.fields["households"].value = "61"
    form.fields["period.end"].value = dt.date(2027, 6, 30)
    form.save_button.click()
    assert form.status.kind == "ok", form.status.text
    meta = storage.load_plan(example_dir).meta
    assert meta["households"] == 61
    assert meta["period"]["end"] == dt.date(2027, 6, 30)


def test_change_on_disk_meanwhile_is_not_overwritten(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    other = storage.load_plan(example_dir)
    people = other.copy_table("participants")
    people.loc[0, "name"] = "Diubah di kernel lain"
    storage.save_table(other, "participants", people)
    theirs = _csv(example_dir, "participants")
    editor = opened(tab, "participants")
    editor.rows.value = "P003"
    editor.fields["name"].value = "Diubah di sini"
    editor.save_button.click()
    assert editor.status.kind == "error"
    assert "Peserta sudah diubah di luar formulir ini" in editor.status.text
    assert "Muat ulang" in editor.status.text
    assert ".csv" not in editor.status.text
    assert _csv(example_dir, "participants") == theirs


def test_english_panels(example_dir: Path) -> None:
    tab = step0(example_dir, lang="en")
    assert tab.titles[1] == "Participants"
    editor = opened(tab, "participants")
    editor.new_button.click()
    editor.fields["name"].value = "X"
    editor.fields["consent"].value = "tidak"
    editor.save_button.click()
    assert "X, Sex (L/P): is required" in editor.status.text


# -- consent is asked, never a silent default ------------------------------------------------
def test_new_participant_must_answer_the_consent_question(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    editor = opened(tab, "participants")
    consent = editor.fields["consent"]
    assert "Bersedia nama" in consent.question.value
    assert "daftar hadir" in consent.question.value
    assert [label for label, _ in consent.choice.options] == ["Ya, bersedia", "Tidak bersedia", "Belum ditanya"]
    before = _csv(example_dir, "participants")
    editor.new_button.click()
    assert consent.value is None
    assert consent.choice.value is None
    editor.fields["name"].value = "Bu Sumarni"
    editor.fields["sex"].value = "P"
    editor.save_button.click()
    assert editor.status.kind == "error"
    assert "Setuju data dicatat: tanyakan dulu, lalu pilih 'Ya, bersedia', 'Tidak bersedia' atau 'Belum ditanya'" \
        in editor.status.text
    assert _csv(example_dir, "participants") == before  # consent=false is never written by default
    answers = {"ya": "true", "tidak": "false", "belum": ""}
    for i, (answer, cell) in enumerate(answers.items()):
        editor.new_button.click()
        pid = editor.fields["participant_id"].value
        editor.fields["name"].value = f"Warga Contoh {i}"
        editor.fields["sex"].value = "L"
        consent.choice.value = answer  # what a click on the radio button does
        editor.save_button.click()
        assert editor.status.kind == "ok", editor.status.text
        line = next(ln for ln in _csv(example_dir, "participants").decode().splitlines() if ln.startswith(pid + ","))
        assert line.endswith("," + cell), line
        # shown back as saved: "Belum ditanya" for an empty cell, not an unanswered question
        editor.rows.value = pid
        assert consent.value == answer


def test_consent_in_english_and_an_old_row_without_it(example_dir: Path) -> None:
    tab = step0(example_dir, lang="en")
    editor = opened(tab, "participants")
    consent = editor.fields["consent"]
    assert "agree" in consent.question.value
    people = tab.session.plan["participants"]
    editor.rows.value = str(people["participant_id"].iloc[0])
    assert bool(people["consent"].iloc[0]) is True
    assert consent.value == "ya"
    # a row saved before the question existed (empty cell) shows "Not asked yet", and is saved unchanged
    frame = tab.session.table("participants").astype("object")
    frame.loc[1, "consent"] = None
    assert tab.session.save({"participants": frame}) == []
    editor.rows.value = str(people["participant_id"].iloc[1])
    assert consent.value == "belum"
    assert consent.answer is None
    editor.new_button.click()
    editor.fields["name"].value = "Guest"
    editor.fields["sex"].value = "L"
    editor.save_button.click()
    assert "Consent: ask first, then pick" in editor.status.text


def test_the_plan_language_is_offered_by_name_and_saved_as_its_code(  # type: ignore[no-untyped-def]
        tab, example_dir: Path) -> None:
    form = tab.panels["profile"]
    field = form.fields["language"]
    assert list(field.options) == [("Bahasa Indonesia", "id"), ("Bahasa Inggris", "en")]
    field.value = "en"
    form.save_button.click()
    assert form.status.kind == "ok", form.status.text
    assert storage.load_plan(example_dir).meta["language"] == "en"
