"""The live results beside the step forms (``rtplan.views.glance``) and their place in the steps.

The figures are checked against the plan's CSV files read with plain pandas, not against
rtplan's own readers; the step tests save through the forms and check that the result
beside them follows.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from conftest import opened

from rtplan import storage
from rtplan.render.glance import glance_html
from rtplan.views import glance
from rtplan.views.glance import (
    attendance_glance,
    kas_glance,
    matching_glance,
    participants_glance,
    progress_glance,
    schedule_glance,
)

ALL = (participants_glance, attendance_glance, matching_glance, schedule_glance, progress_glance, kas_glance)


def _raw(folder: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)


def _rp(amount: int) -> str:
    return "Rp " + f"{amount:,}".replace(",", ".")


def test_participants_and_attendance_count_what_the_files_hold(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    people = _raw(example_dir, "participants")
    g = participants_glance(plan)
    assert g.big == f"{len(people)} orang"
    women, men = (people["sex"] == "P").sum(), (people["sex"] == "L").sum()
    assert f"{women} perempuan · {men} laki-laki" in g.lines
    yes = people["consent"].str.lower().isin(["true", "ya", "1"]).sum()
    no = people["consent"].str.lower().isin(["false", "tidak", "0"]).sum()
    assert f"Bersedia dicatat: {yes} · tidak bersedia: {no} · belum ditanya: {len(people) - yes - no}" in g.lines
    attendance, meetings = _raw(example_dir, "attendance"), _raw(example_dir, "meetings")
    latest = meetings.sort_values("date").iloc[-1]["meeting_id"]
    came = attendance[attendance["meeting_id"] == latest]["participant_id"].nunique()
    a = attendance_glance(plan)
    assert a.big == f"{latest}: {came} dari {len(people)} orang hadir"
    assert len(a.lines) == len(meetings)
    assert a.lines[0].startswith(f"{latest} · ")  # the latest meeting first


def test_a_participant_not_asked_yet_makes_the_glance_a_warning(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    assert participants_glance(plan).tone == "ok"
    people = plan.copy_table("participants")
    people.loc[0, "consent"] = pd.NA
    storage.save_tables(plan, {"participants": people})
    g = participants_glance(storage.load_plan(example_dir))
    assert g.tone == "warn"
    assert any(line.endswith("belum ditanya: 1") for line in g.lines)


def test_schedule_glance_lists_errors_first_then_the_activity_saved_last(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    before = schedule_glance(plan)
    assert before.tone == "bad"  # the example has one venue clash and a shortfall
    assert before.lines[0].startswith("✖ ")
    activities = plan.copy_table("activities")
    new = dict.fromkeys(activities.columns, pd.NA)
    new.update(activity_id="A99", title="Senam pagi bersama lansia", start_date=pd.Timestamp("2027-01-01"),
               start_time="06:30", venue="Lapangan RT 05", recurrence="once")
    storage.save_tables(plan, {"activities": pd.concat([activities, pd.DataFrame([new])], ignore_index=True)})
    after = schedule_glance(storage.load_plan(example_dir))
    errors = [line for line in after.lines if line.startswith("✖ ")]
    assert after.lines[:len(errors)] == tuple(errors)
    # right after the errors: the new activity's findings, the holiday among them
    following = after.lines[len(errors):glance.SCHEDULE_LINES - 1]
    assert following
    assert all("A99 Senam pagi bersama lansia" in line for line in following)
    assert any("Tahun Baru" in line for line in following)
    assert after.lines[glance.SCHEDULE_LINES - 1].startswith("... dan ")
    # the money: planned against the funds of the files
    planned = pd.to_numeric(_raw(example_dir, "activities")["cost_idr"].replace("", "0")).sum()
    funds = pd.to_numeric(_raw(example_dir, "funds")["amount_idr"].replace("", "0")).sum()
    assert f"Rencana biaya {_rp(int(planned))}; dana tersedia {_rp(int(funds))}" in after.lines


def test_schedule_glance_without_a_clash_or_shortfall_is_no_longer_red(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    activities = plan.copy_table("activities")
    activities.loc[activities["activity_id"] == "A06", "recurrence_day"] = "senin"  # the bank sampah moves off Sunday
    from rtplan.budget import budget_summary

    short = [s for s in budget_summary(plan).sources if s.shortfall_idr]
    assert short
    assert all(s.funding_source for s in short)
    funds = plan.copy_table("funds")
    for s in short:  # each source gets what it lacked
        here = funds["funding_source"] == s.funding_source
        if here.any():
            funds.loc[here, "amount_idr"] = funds.loc[here, "amount_idr"] + s.shortfall_idr
        else:
            funds.loc[len(funds)] = {"funding_source": s.funding_source, "amount_idr": s.shortfall_idr}
    storage.save_tables(plan, {"activities": activities, "funds": funds})
    g = schedule_glance(storage.load_plan(example_dir))
    assert not any(line.startswith("✖ ") for line in g.lines)
    assert not any(line.startswith("Kurang dana") for line in g.lines)
    assert g.big.startswith("Tidak ada bentrok; ") and g.big.endswith(" hal perlu diperiksa.")
    assert "0 bentrok" not in g.big
    assert g.tone == "warn"  # what is left is to check, not a clash


def test_schedule_glance_with_warnings_and_a_shortfall_is_no_red_alarm(example_dir: Path) -> None:
    """Only things to check and money still to find: a warning, never the red cross of a clash."""
    from rtplan.render.glance import glance_html

    plan = storage.load_plan(example_dir)
    activities = plan.copy_table("activities")
    activities.loc[activities["activity_id"] == "A06", "recurrence_day"] = "senin"  # the one clash goes
    storage.save_tables(plan, {"activities": activities})
    g = schedule_glance(storage.load_plan(example_dir))
    assert any(line.startswith("Kurang dana") for line in g.lines)  # the shortfall is still said
    assert g.tone == "warn"
    html = str(glance_html(g))
    assert "✖" not in html and "#8b0000" not in html
    assert "⚠ Tidak ada bentrok; " in html


def test_kas_glance_balance_is_the_files_sum_and_the_last_entry_comes_first(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    ledger = _raw(example_dir, "ledger")
    money = ledger[["income_idr", "expense_idr"]].replace("", "0").astype(int)
    balance = int(money["income_idr"].sum() - money["expense_idr"].sum())
    g = kas_glance(plan)
    assert g.big == f"Saldo: {_rp(balance)}"
    assert len(g.lines) == min(glance.MAX_LINES, len(ledger))
    assert g.lines[0].endswith(f"→ saldo {_rp(balance)}")
    # spending more than the kas holds turns it red
    book = plan.copy_table("ledger")
    row = dict.fromkeys(book.columns, pd.NA)
    row.update(entry_id="K999", date=pd.Timestamp("2027-01-31"), description="Perbaikan pompa",
               income_idr=0, expense_idr=balance + 100_000)
    storage.save_tables(plan, {"ledger": pd.concat([book, pd.DataFrame([row])], ignore_index=True)})
    red = kas_glance(storage.load_plan(example_dir))
    assert red.tone == "bad"
    assert red.big == "Saldo: -Rp 100.000"


def test_progress_glance_counts_the_sessions_recorded(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    held = len(_raw(example_dir, "realizations"))
    g = progress_glance(plan)
    assert g.big.startswith(f"{held} dari ")
    people = _raw(example_dir, "realizations")[["participants_l", "participants_p"]].replace("", "0").astype(int)
    assert g.lines[0] == (f"{people.sum().sum()} kehadiran ({people['participants_p'].sum()} P · "
                          f"{people['participants_l'].sum()} L)")


def test_matching_glance_counts_needs_with_an_accepted_resource(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    matches, needs = _raw(example_dir, "matches"), _raw(example_dir, "needs")
    covered = matches[matches["decision"] == "diterima"]["need_id"].nunique()
    assert covered > 0
    g = matching_glance(plan)
    assert g.big == f"{covered} dari {len(needs)} kebutuhan sudah punya sumber daya"
    assert len(g.lines) == min(glance.MAX_LINES, len(needs) - covered)


@pytest.mark.parametrize("build", ALL, ids=lambda f: f.__name__)
def test_no_name_phone_or_markup_gets_through(build, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    plan = storage.load_plan(example_dir)
    # a hostile title and a venue with markup: shown as text, never as HTML
    activities = plan.copy_table("activities")
    activities.loc[0, "title"] = "<script>alert(1)</script>"
    storage.save_tables(plan, {"activities": activities})
    plan = storage.load_plan(example_dir)
    people = _raw(example_dir, "participants")
    for lang in ("id", "en"):
        shown = str(glance_html(build(plan, lang)))
        assert "<script>" not in shown
        if build is not schedule_glance:  # a conflict names the PIC involved, as the conflicts tab does
            for name in people["name"]:
                assert name not in shown, (build.__name__, name)
        for phone in people["phone"]:
            if phone:
                assert phone not in shown


@pytest.mark.parametrize("build", ALL, ids=lambda f: f.__name__)
def test_english_glances_speak_english(build, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    plan = storage.load_plan(example_dir)
    english, indonesian = build(plan, "en"), build(plan, "id")
    assert english.title != indonesian.title
    for word in ("dari", "orang", "Saldo", "pertemuan", "kebutuhan", "Bentrok"):
        assert f" {word} " not in f" {english.title} {english.big} "


def test_a_new_empty_plan_says_what_is_missing_yet(tmp_path: Path) -> None:
    from rtplan.cli import main

    assert main(["new", str(tmp_path / "baru")]) == 0
    plan = storage.load_plan(tmp_path / "baru")
    shown = {build.__name__: build(plan) for build in ALL}
    assert shown["participants_glance"].big == "Belum ada peserta."
    assert shown["attendance_glance"].big == "Belum ada pertemuan."
    assert shown["matching_glance"].big == "Belum ada kebutuhan untuk dicocokkan."
    assert shown["progress_glance"].big == "Belum ada kegiatan terjadwal."
    assert shown["kas_glance"].lines == ("Belum ada catatan di buku kas.",)
    assert shown["schedule_glance"].big == "Tidak ada bentrok jadwal."
    assert shown["schedule_glance"].tone == "ok"


def test_more_lines_than_fit_are_counted() -> None:
    lines = [f"baris {i}" for i in range(10)]
    assert glance._listed(lines, "id") == (*lines[:glance.MAX_LINES - 1], "... dan 5 lagi")
    assert glance._listed(lines[:3], "en") == tuple(lines[:3])
    assert glance._listed(lines, "en", 4)[-1] == "... and 7 more"


# -- the glances beside the forms of steps 0, 2, 3 and 4 ------------------------------------------


def _beside(tab, key: str):  # type: ignore[no-untyped-def]
    from rtplan.ui.base import LiveResult

    box = tab.children[list(tab.panels).index(key)]
    assert box.children[0] is tab.panels[key], key
    assert isinstance(box.children[1], LiveResult), key
    assert box.layout.flex_flow == "row wrap"  # beside on a projector, below on a narrow page
    return box.children[1]


def test_step0_participants_and_attendance_show_their_count_beside_the_form(example_dir: Path) -> None:
    from rtplan.ui.profile import step0

    tab = step0(example_dir)
    people, came = _beside(tab, "participants"), _beside(tab, "attendance")
    before = (people.renders, came.renders)
    editor = opened(tab, "participants")
    editor.new_button.click()
    editor.fields["name"].value = "Wulan Sari"
    editor.fields["sex"].value = "P"
    editor.fields["consent"].value = True
    editor.save_button.click()
    assert editor.status.kind == "ok", editor.status.text
    assert people.renders == before[0] + 1
    assert people.build(tab.session.plan).big == "31 orang"
    assert came.renders == before[1]  # its tab is not open: redrawn when it is
    attendance = opened(tab, "attendance")
    assert came.renders == before[1] + 1  # opened: it counts "of 31" now
    latest = came.build(tab.session.plan).big.split(":")[0]
    attendance.meeting.value = latest
    ticked = [pid for pid, box in attendance.boxes.items() if box.value]
    attendance.boxes[ticked[0]].value = False
    attendance.save_button.click()
    assert came.build(tab.session.plan).big == f"{latest}: {len(ticked) - 1} dari 31 orang hadir"
    assert came.renders == before[1] + 2


def test_step3_a_saved_activity_on_a_holiday_shows_beside_the_form(example_dir: Path) -> None:
    from rtplan.ui.schedule import step3

    tab = step3(example_dir, charts=False)
    result = _beside(tab, "activities")
    assert _beside(tab, "funds") is not result
    before = result.renders
    editor = opened(tab, "activities")
    editor.new_button.click()
    editor.fields["title"].value = "Senam pagi bersama lansia"
    editor.fields["start_date"].value = dt.date(2027, 1, 1)
    editor.fields["start_time"].value = "06:30"
    editor.fields["venue"].value = "Lapangan RT 05"
    editor.save_button.click()
    assert editor.status.kind == "ok", editor.status.text
    assert result.renders == before + 1
    shown = result.build(tab.session.plan)
    assert any("Senam pagi bersama lansia" in line and "Tahun Baru" in line for line in shown.lines)


def test_step4_record_and_kas_show_progress_and_balance_beside_the_form(example_dir: Path) -> None:
    from rtplan.ui.monitoring import step4

    tab = step4(example_dir)
    progress_result, kas_result = _beside(tab, "record"), _beside(tab, "kas")
    held = int(progress_result.build(tab.session.plan).big.split()[0])
    panel = opened(tab, "record")
    panel.activity.value = "A01"  # the form offers its next planned date without a record
    panel.men.value, panel.women.value = "0", "10"
    panel.save_button.click()
    assert panel.status.kind == "ok", panel.status.text
    assert progress_result.build(tab.session.plan).big.startswith(f"{held + 1} dari ")
    renders = kas_result.renders
    editor = opened(tab, "kas").editor
    editor.new_button.click()
    editor.fields["date"].value = dt.date(2027, 1, 30)
    editor.fields["description"].value = "Benang dan jarum tahap 3"
    editor.fields["expense_idr"].value = "140000"
    editor.fields["proof"].value = "nota 41"
    editor.save_button.click()
    assert editor.status.kind == "ok", editor.status.text
    assert kas_result.renders == renders + 1
    assert kas_result.build(tab.session.plan).big == "Saldo: Rp 3.200.000"


def _accepted(tab, need_id: str) -> bool:  # type: ignore[no-untyped-def]
    matches = tab.session.plan["matches"]
    return bool(((matches["need_id"] == need_id) & (matches["decision"] == "diterima")).any())


def test_step2_resources_and_board_show_the_needs_without_a_resource(example_dir: Path) -> None:
    from rtplan.ui.resources import step2

    tab = step2(example_dir)
    beside_board = _beside(tab, "board")
    _beside(tab, "resources")
    covered = int(beside_board.build(tab.session.plan).big.split()[0])
    board = opened(tab, "board")
    renders = beside_board.renders
    # a need still without a resource: accept its first suggestion on the board
    gap = next(n for n in board.need.options if n[1] and not _accepted(tab, n[1]))[1]
    board.need.value = gap
    card = next(iter(board.cards.values()))
    card.accept.click()
    assert beside_board.renders > renders
    after = beside_board.build(tab.session.plan)
    assert int(after.big.split()[0]) == covered + 1
    assert not any(line.startswith(f"{gap} · ") for line in after.lines)


def test_glance_html_is_autoescaped_and_marks_its_tone_without_colour() -> None:
    g = glance.Glance("<b>judul</b>", "besar & kecil", ("a < b",), "bad")
    html = str(glance_html(g))
    assert "&lt;b&gt;judul&lt;/b&gt;" in html
    assert "besar &amp; kecil" in html
    assert "a &lt; b" in html
    assert "✖ besar" in html  # the mark reads without colour
    assert str(g).splitlines() == ["<b>judul</b>", "besar & kecil", "- a < b"]
