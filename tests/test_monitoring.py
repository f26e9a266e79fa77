"""Realizations, derived status, progress per activity and need, and indicators."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from rtplan import storage
from rtplan.monitoring import (
    default_as_of,
    derive_status,
    need_progress,
    planned_dates,
    progress,
    progress_table,
    record_session,
    remove_session,
)
from rtplan.plan import Plan

D = dt.date
JAN31 = D(2027, 1, 31)


@pytest.fixture
def plan(example_dir: Path) -> Plan:
    return storage.load_plan(example_dir)


def row(table: pd.DataFrame, ident: str) -> pd.Series:
    return table[table["activity_id"] == ident].iloc[0]


# -- status --------------------------------------------------------------------------
@pytest.mark.parametrize(("recorded", "planned", "held", "as_of", "expected"), [
    ("batal", 4, 2, D(2027, 3, 1), "batal"),           # a written decision stays
    ("rencana", 4, 0, D(2027, 1, 1), "rencana"),       # before the start, nothing held
    ("berjalan", 4, 0, D(2027, 2, 10), "rencana"),     # started on paper, nothing held yet
    ("rencana", 4, 0, D(2027, 4, 1), "rencana"),       # end passed, nothing held: still not done
    ("rencana", 4, 2, D(2027, 2, 20), "berjalan"),     # some held, more to come
    ("", 4, 4, D(2027, 2, 20), "selesai"),             # every planned session held
    ("berjalan", 4, 1, D(2027, 3, 2), "selesai"),      # end passed with at least one held
    ("selesai", 4, 3, D(2027, 3, 1), "berjalan"),      # the end day itself has not passed
])
def test_status_is_derived_from_sessions_held(recorded: str, planned: int, held: int, as_of: dt.date,
                                              expected: str) -> None:
    assert derive_status(recorded, D(2027, 2, 1), D(2027, 3, 1), planned, held, as_of) == expected


def test_one_off_activity_is_done_after_its_one_session() -> None:
    assert derive_status("rencana", D(2027, 2, 14), None, 1, 1, D(2027, 2, 14)) == "selesai"


# -- planned sessions -------------------------------------------------------------------
def test_planned_sessions_expand_weekly_and_nth_weekday(plan: Plan) -> None:
    acts = plan["activities"].set_index("activity_id", drop=False)
    sewing = planned_dates(acts.loc["A01"], plan.period)  # weekly sabtu, 12 Dec .. 27 Feb
    assert (len(sewing), sewing[0], sewing[-1]) == (12, D(2026, 12, 12), D(2027, 2, 27))
    assert {d.weekday() for d in sewing} == {5}
    food = planned_dates(acts.loc["A02"], plan.period)  # monthly 2-selasa, 12 Jan .. 11 May
    assert food == [D(2027, 1, 12), D(2027, 2, 9), D(2027, 3, 9), D(2027, 4, 13), D(2027, 5, 11)]


def test_progress_of_an_ongoing_weekly_activity(plan: Plan) -> None:
    sewing = row(progress_table(plan, JAN31), "A01")
    # Saturdays 12 Dec .. 30 Jan = 8 due; 3 sessions recorded (0+11, 0+12, 0+11 people)
    assert (sewing["planned_sessions"], sewing["planned_to_date"], sewing["held_sessions"]) == (12, 8, 3)
    assert sewing["status"] == "berjalan" and bool(sewing["behind"]) is True
    assert (sewing["participants_l"], sewing["participants_p"], sewing["participants"]) == (0, 34, 34)
    assert sewing["participants_mean"] == pytest.approx(34 / 3)
    assert sewing["target_ratio"] == pytest.approx(34 / 3 / 12)
    assert sewing["planned_participants"] == 12 * 8
    assert (sewing["cost_planned_idr"], sewing["cost_actual_idr"]) == (3_600_000, 640_000 + 0 + 480_000)
    assert sewing["cash_spent_idr"] == 640_000 + 480_000
    assert sewing["last_held"] == D(2027, 1, 16) and sewing["next_planned"] == D(2027, 2, 6)


def test_progress_of_a_finished_one_off_with_a_refund(plan: Plan) -> None:
    lamps = row(progress_table(plan, JAN31), "A12")
    assert (lamps["status"], lamps["planned_sessions"], lamps["held_sessions"]) == ("selesai", 1, 1)
    assert lamps["cost_actual_idr"] == 1_365_000
    assert lamps["cash_spent_idr"] == 1_320_000 + 80_000 - 35_000  # the returned fitting
    assert lamps["next_planned"] is None and not lamps["behind"]


def test_sessions_after_the_as_of_date_are_not_counted(plan: Plan) -> None:
    report = progress(plan, D(2026, 12, 15))
    acts = report.activities
    assert row(acts, "A01")["held_sessions"] == 1
    assert row(acts, "A08")["status"] == "rencana"  # its check-up is on 24 January
    later = next(c for c in report.checks if c.rule == "after_as_of")
    assert later.level == "info"
    # 15 sessions recorded; only A05 (6 Dec), A01 (12 Dec) and A03 (13 Dec) are on or before 15 Dec
    assert later.message == "12 realisasi bertanggal setelah 15 Desember 2026 tidak dihitung dalam laporan ini."


def test_recording_a_session_moves_a_planned_activity_to_ongoing(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    assert row(progress_table(plan, D(2027, 3, 20)), "A09")["status"] == "rencana"
    frame, replaced = record_session(plan.copy_table("realizations"), {
        "activity_id": "A09", "date": pd.Timestamp("2027-03-18"), "participants_l": 4, "participants_p": 5,
        "cost_idr": 150_000, "output": "Katalog WhatsApp Business"})
    assert not replaced
    storage.save_table(plan, "realizations", frame)
    plan = storage.load_plan(example_dir)
    marketing = row(progress_table(plan, D(2027, 3, 20)), "A09")
    assert (marketing["status"], marketing["held_sessions"], marketing["participants"]) == ("berjalan", 1, 9)


def test_recording_the_same_activity_and_date_replaces_it(plan: Plan) -> None:
    real = plan.copy_table("realizations")
    frame, replaced = record_session(real, {"activity_id": "A01", "date": pd.Timestamp("2026-12-19"),
                                            "participants_l": 1, "participants_p": 13, "cost_idr": 0})
    assert replaced and len(frame) == len(real)
    match = frame[(frame["activity_id"] == "A01") & (pd.to_datetime(frame["date"]) == "2026-12-19")]
    assert match["participants_p"].tolist() == [13]
    removed = remove_session(real, "A01", D(2026, 12, 19))
    assert len(removed) == len(real) - 1


def test_default_as_of_is_never_before_the_last_session(plan: Plan) -> None:
    assert default_as_of(plan) == max(dt.date.today(), D(2027, 1, 24))


# -- needs and indicators -----------------------------------------------------------------
def test_need_progress_says_whether_its_activities_happened(plan: Plan) -> None:
    needs = need_progress(plan, JAN31).set_index("need_id")
    # A01 (pelatihan menjahit) has sessions but runs until February: under way, not "Terlaksana"
    assert needs.loc["N01", "state"] == "berjalan" and needs.loc["N01", "happened"]
    assert needs.loc["N02", "state"] == "sebagian"  # A02 held, A09 not yet
    # once its activities (A01 until February, A02 until May) are over: Terlaksana
    assert need_progress(plan, D(2027, 5, 31)).set_index("need_id").loc["N01", "state"] == "terlaksana"
    assert needs.loc["N09", "state"] == "tanpa_kegiatan" and not needs.loc["N09", "happened"]
    assert needs.loc["N03", "activity_ids"] == ("A03", "A08")
    assert needs.loc["N03", "participants"] == (11 + 17) + (12 + 19) + (34 + 52)


def test_cancelling_the_missing_activity_completes_the_need(plan: Plan) -> None:
    acts = plan.copy_table("activities")
    acts.loc[acts["activity_id"] == "A09", "status"] = "batal"
    plan.tables["activities"] = acts
    needs = need_progress(plan, JAN31).set_index("need_id")
    assert needs.loc["N02", "state"] == "berjalan" and needs.loc["N02", "cancelled_activities"] == 1
    only_cancelled = plan.copy_table("activities")
    only_cancelled.loc[only_cancelled["activity_id"] == "A07", "status"] = "batal"
    plan.tables["activities"] = only_cancelled
    assert need_progress(plan, JAN31).set_index("need_id").loc["N05", "state"] == "batal"


def test_indicators_compare_target_and_mean_present(plan: Plan) -> None:
    ind = progress(plan, JAN31).indicators.set_index("activity_id")
    assert ind.loc["A08", "achieved"] is True and ind.loc["A08", "participants_mean"] == 86  # target 80
    assert ind.loc["A06", "achieved"] is False and ind.loc["A06", "target_ratio"] == pytest.approx(24 / 40)
    assert ind.loc["A09", "achieved"] is None
    assert ind.loc["A01", "latest_output"] == "Pertemuan 5: menjahit tas belanja kain"
    assert ind.loc["A05", "indicator"].startswith("Saluran 300 m bersih")


# -- checks ---------------------------------------------------------------------------------
def test_sessions_outside_the_activity_dates_or_cancelled_are_pointed_out(plan: Plan) -> None:
    real = plan.copy_table("realizations")
    extra = pd.DataFrame([{"activity_id": "A09", "date": pd.Timestamp("2027-03-01"), "participants_l": 1},
                          {"activity_id": "A12", "date": pd.Timestamp("2027-01-05"), "participants_l": 2}])
    plan.tables["realizations"] = pd.concat([real.astype("object"), extra.astype("object")], ignore_index=True)
    acts = plan.copy_table("activities")
    acts.loc[acts["activity_id"] == "A12", "status"] = "batal"
    plan.tables["activities"] = acts
    checks = progress(plan, D(2027, 3, 31)).checks
    messages = {c.rule: c.message for c in checks if c.level == "warning"}
    assert messages["before_start"] == ("A09: realisasi 1 Maret 2027 sebelum tanggal mulai kegiatan "
                                        "18 Maret 2027.")
    assert messages["after_end"] == "A12: realisasi 5 Januari 2027 setelah tanggal selesai kegiatan 20 Desember 2026."
    assert messages["held_cancelled"].startswith("A12 berstatus batal tetapi ada realisasi pada")


def test_recorded_status_that_differs_is_noted(plan: Plan) -> None:
    acts = plan.copy_table("activities")
    acts.loc[acts["activity_id"] == "A09", "status"] = "selesai"
    plan.tables["activities"] = acts
    (note,) = [c for c in progress(plan, JAN31).checks if c.rule == "status_differs"]
    assert note.level == "info" and note.activity_id == "A09"
    assert note.message.startswith("A09: status tercatat 'Selesai', menurut realisasi 'Rencana' (0 dari 6")


def test_example_plans_have_consistent_realizations(any_example_dir: Path) -> None:
    plan = storage.load_plan(any_example_dir)
    report = progress(plan, D(2027, 1, 31))
    assert not [c.message for c in report.checks if c.is_warning]
    # the status written in the example plans is the one the sessions give
    assert list(report.activities["status"]) == list(report.activities["status_recorded"])


def test_progress_to_dict_is_json_ready(plan: Plan) -> None:
    import json

    data = json.loads(json.dumps(progress(plan, JAN31).to_dict()))
    assert data["as_of"] == "2027-01-31"
    assert data["totals"]["held_sessions"] == len(plan["realizations"])
    first = data["activities"][0]
    assert first["activity_id"] == "A01" and first["need_ids"] == ["N01"] and first["last_held"] == "2027-01-16"
