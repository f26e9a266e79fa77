"""Step 3 core: recurrence expansion, Indonesian calendar facts, and each conflict check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from rtplan import holidays_id, storage
from rtplan.plan import Plan
from rtplan.schedule import (
    CONFLICT_KINDS,
    Conflict,
    ConflictSettings,
    Recurrence,
    activity_dates,
    check_recurrence,
    describe_recurrence,
    expand_dates,
    expand_sessions,
    find_conflicts,
    nth_weekday,
    parse_recurrence,
    plan_sessions,
    prioritised_needs,
    priority_order,
    recurrence_day_rule,
)

D = dt.date


# -- helpers -----------------------------------------------------------------------
def _write(folder: Path, name: str, rows: Sequence[dict[str, Any]]) -> None:
    """Write a table straight to disk (as a person with a spreadsheet would), canonical form."""
    from rtplan.schema import TABLES

    frame = pd.DataFrame(list(rows), columns=TABLES[name].column_names).astype("object")
    (folder / f"{name}.csv").write_bytes(storage.serialize_table(name, frame))


def activity(aid: str, **kw: Any) -> dict[str, Any]:
    row = {"activity_id": aid, "title": f"Kegiatan {aid}", "need_ids": "N01", "pic": f"PJ {aid}",
           "start_date": "2027-01-04", "end_date": "2027-01-31", "recurrence": "weekly", "recurrence_day": "",
           "start_time": "08:00", "end_time": "10:00", "venue": f"Tempat {aid}", "cost_idr": 100000,
           "funding_source": "kas RT", "status": "rencana"}
    row.update(kw)
    return row


NEEDS = [
    {"need_id": "N01", "title": "Saluran mampet", "category": "lingkungan"},
    {"need_id": "N02", "title": "Lansia jarang periksa", "category": "kesehatan"},
    {"need_id": "N03", "title": "Ibu rumah tangga belum berpenghasilan", "category": "ekonomi"},
    {"need_id": "N04", "title": "Remaja tanpa kegiatan", "category": "sosial-budaya"},
]
PRIORITIES = [{"need_id": "N01", "rank": 1}, {"need_id": "N02", "rank": 2}, {"need_id": "N03", "rank": 3}]


@pytest.fixture
def build(make_plan: Callable[..., Path]) -> Callable[..., Plan]:
    """A plan on disk with the given activities (and needs, resources, priorities)."""

    def make(activities: Sequence[dict[str, Any]], resources: Sequence[dict[str, Any]] = (),
             priorities: Sequence[dict[str, Any]] = PRIORITIES, calendar: dict[str, Any] | None = None,
             **plan_kw: Any) -> Plan:
        folder = make_plan(**plan_kw)
        _write(folder, "needs", NEEDS)
        _write(folder, "priorities", priorities)
        _write(folder, "resources", resources)
        _write(folder, "activities", activities)
        if calendar is not None:
            plan = storage.load_plan(folder)
            storage.save_meta(plan, {**plan.meta, "calendar": calendar})
        return storage.load_plan(folder)

    return make


def of_kind(findings: list[Conflict], kind: str) -> list[Conflict]:
    return [c for c in findings if c.kind == kind]


# -- recurrence --------------------------------------------------------------------
def test_weekly_expansion_runs_across_months() -> None:
    days = expand_dates(Recurrence("weekly", weekday=5), D(2026, 12, 12), D(2027, 1, 9))
    assert days == [D(2026, 12, 12), D(2026, 12, 19), D(2026, 12, 26), D(2027, 1, 2), D(2027, 1, 9)]


def test_weekly_first_session_is_the_first_matching_weekday_on_or_after_start() -> None:
    # 2027-01-04 is a Monday; "rabu" (Wednesday) starts on the 6th
    assert expand_dates(parse_recurrence("weekly", "rabu"), D(2027, 1, 4), D(2027, 1, 20)) == [
        D(2027, 1, 6), D(2027, 1, 13), D(2027, 1, 20)]


def test_weekly_without_day_repeats_on_the_start_date_weekday() -> None:
    rec = parse_recurrence("weekly", "", D(2027, 1, 7))  # a Thursday
    assert rec == Recurrence("weekly", weekday=3)


def test_monthly_first_sunday() -> None:
    rec = parse_recurrence("monthly", "1-minggu")
    assert rec == Recurrence("monthly", weekday=6, nth=1)
    assert expand_dates(rec, D(2026, 12, 1), D(2027, 5, 31)) == [
        D(2026, 12, 6), D(2027, 1, 3), D(2027, 2, 7), D(2027, 3, 7), D(2027, 4, 4), D(2027, 5, 2)]


def test_monthly_last_friday_and_second_tuesday() -> None:
    assert expand_dates(parse_recurrence("monthly", "-1-jumat"), D(2027, 1, 1), D(2027, 3, 31)) == [
        D(2027, 1, 29), D(2027, 2, 26), D(2027, 3, 26)]
    assert expand_dates(parse_recurrence("monthly", "2-selasa"), D(2027, 1, 1), D(2027, 3, 31)) == [
        D(2027, 1, 12), D(2027, 2, 9), D(2027, 3, 9)]


def test_monthly_fifth_weekday_skips_months_without_one() -> None:
    # fifth Sunday: only January (31st) and May (30th) of 2027 within Jan-May
    assert expand_dates(parse_recurrence("monthly", "5-minggu"), D(2027, 1, 1), D(2027, 5, 31)) == [
        D(2027, 1, 31), D(2027, 5, 30)]
    assert nth_weekday(2027, 2, 6, 5) is None


def test_monthly_day_31_falls_on_the_last_day_of_short_months() -> None:
    assert expand_dates(parse_recurrence("monthly", "31"), D(2027, 1, 1), D(2027, 4, 30)) == [
        D(2027, 1, 31), D(2027, 2, 28), D(2027, 3, 31), D(2027, 4, 30)]


def test_period_edges_are_inclusive_and_clip_the_activity() -> None:
    period = (D(2026, 12, 5), D(2027, 1, 2))  # a Saturday to a Saturday
    row = {"start_date": "2026-11-01", "end_date": "2027-02-28", "recurrence": "weekly", "recurrence_day": "sabtu"}
    assert activity_dates(row, period) == [D(2026, 12, 5), D(2026, 12, 12), D(2026, 12, 19), D(2026, 12, 26),
                                           D(2027, 1, 2)]
    # a weekly activity without an end date runs to the end of the period
    assert activity_dates({**row, "start_date": "2026-12-20", "end_date": None}, period) == [
        D(2026, 12, 26), D(2027, 1, 2)]
    # entirely after the period: nothing
    assert activity_dates({**row, "start_date": "2027-03-01", "end_date": None}, period) == []


def test_once_lasts_one_day_or_every_day_to_its_end_date() -> None:
    period = (D(2027, 1, 1), D(2027, 6, 30))
    assert activity_dates({"start_date": "2027-02-14", "recurrence": "once"}, period) == [D(2027, 2, 14)]
    assert activity_dates({"start_date": "2027-02-14", "end_date": "2027-02-16", "recurrence": "once"},
                          period) == [D(2027, 2, 14), D(2027, 2, 15), D(2027, 2, 16)]


def test_overnight_session_ends_the_next_day(build: Callable[..., Plan]) -> None:
    plan = build([activity("A01", recurrence="once", start_date="2027-01-09", end_date="",
                           start_time="22:00", end_time="03:00")])
    sessions = plan_sessions(plan)
    assert len(sessions) == 1
    assert sessions.loc[0, "start"] == pd.Timestamp("2027-01-09 22:00")
    assert sessions.loc[0, "end"] == pd.Timestamp("2027-01-10 03:00")
    assert sessions.loc[0, "category"] == "lingkungan"


def test_cancelled_activities_have_no_sessions(build: Callable[..., Plan]) -> None:
    plan = build([activity("A01"), activity("A02", status="batal")])
    assert set(plan_sessions(plan)["activity_id"]) == {"A01"}
    assert set(expand_sessions(plan["activities"], plan.period, include_cancelled=True)["activity_id"]) == {
        "A01", "A02"}


@pytest.mark.parametrize(("recurrence", "day", "expected"), [
    ("weekly", "sabtu", None),
    ("weekly", "Jum'at", None),
    ("weekly", "", None),
    ("weekly", "15", ("recurrence_day_weekly", "error")),
    ("monthly", "1-minggu", None),
    ("monthly", "-1-jumat", None),
    ("monthly", "28", None),
    ("monthly", "31", None),
    ("monthly", "32", ("recurrence_day_monthly", "error")),
    ("monthly", "0-senin", ("recurrence_day_monthly", "error")),
    ("monthly", "6-senin", ("recurrence_day_monthly", "error")),
    ("monthly", "kamis", ("recurrence_day_monthly", "error")),
    ("once", "sabtu", ("recurrence_day_ignored", "warning")),
    ("once", "", None),
])
def test_recurrence_day_must_fit_the_recurrence(recurrence: str, day: str, expected: object) -> None:
    assert recurrence_day_rule(recurrence, day) == expected


def test_check_recurrence_names_file_row_and_column() -> None:
    frame = pd.DataFrame({"recurrence": ["weekly", "monthly", "once"], "recurrence_day": ["sabtu", "minggu", ""]})
    problems = check_recurrence(frame, "id")
    assert len(problems) == 1
    assert problems[0].message.startswith("activities.csv baris 3, kolom recurrence_day (Hari pengulangan): "
                                          "'minggu' tidak bisa dibaca")
    assert problems[0].is_error
    assert "cannot be read" in check_recurrence(frame, "en")[0].message


def test_example_plans_recurrence_days_are_valid(any_example_dir: Path) -> None:
    assert check_recurrence(storage.load_plan(any_example_dir)["activities"], "id") == []


def test_recurrence_in_words() -> None:
    assert describe_recurrence(Recurrence("monthly", weekday=6, nth=1)) == "Minggu pertama setiap bulan"
    assert describe_recurrence(Recurrence("monthly", weekday=4, nth=-1), "en") == "the last Friday of every month"
    assert describe_recurrence(Recurrence("weekly", weekday=5)) == "setiap Sabtu"
    assert describe_recurrence(Recurrence("monthly", day=15)) == "setiap bulan tanggal 15"


# -- calendar facts ------------------------------------------------------------------
def test_holidays_2026_include_idul_fitri_cuti_bersama_and_independence_day() -> None:
    days = holidays_id.holidays_between(D(2026, 1, 1), D(2026, 12, 31))
    names = {d: [h.name for h in hs] for d, hs in days.items()}
    assert names[D(2026, 3, 21)] == ["Hari Raya Idul Fitri"]
    assert names[D(2026, 3, 20)] == ["Cuti Bersama Hari Raya Idul Fitri"] and days[D(2026, 3, 20)][0].joint
    assert names[D(2026, 8, 17)] == ["Hari Kemerdekaan Republik Indonesia"]
    assert names[D(2026, 12, 24)] == ["Cuti Bersama Hari Raya Natal"]
    assert not days[D(2026, 12, 25)][0].joint
    assert D(2026, 12, 26) not in days


def test_holidays_2027_include_idul_fitri_and_its_cuti_bersama() -> None:
    days = holidays_id.holidays_between(D(2027, 1, 1), D(2027, 12, 31))
    assert [h.name for h in days[D(2027, 3, 10)]] == ["Hari Raya Idul Fitri (perkiraan)"]
    joint = sorted(d for d, hs in days.items() if any(h.joint and "Idul Fitri" in h.name for h in hs))
    assert joint == [D(2027, 3, 9), D(2027, 3, 12), D(2027, 3, 15)]
    assert [h.name for h in days[D(2027, 2, 6)]] == ["Tahun Baru Imlek"]
    english = holidays_id.holidays_between(D(2027, 3, 10), D(2027, 3, 10), "en")
    assert english[D(2027, 3, 10)][0].name == "Eid al-Fitr (estimated)"


def test_ramadan_is_the_30_days_before_idul_fitri() -> None:
    assert holidays_id.idul_fitri_dates((2026, 2027)) == (D(2026, 3, 21), D(2027, 3, 10))
    assert holidays_id.ramadan_ranges(D(2026, 12, 1), D(2027, 5, 31)) == [(D(2027, 2, 8), D(2027, 3, 9))]
    assert holidays_id.ramadan_ranges(D(2027, 4, 1), D(2027, 12, 31)) == []


def test_ramadan_dates_can_be_set_in_plan_toml() -> None:
    meta = {"calendar": {"ramadan_start": D(2027, 2, 9), "ramadan_end": D(2027, 3, 10), "timezone": "WITA"}}
    settings = holidays_id.calendar_settings(meta)
    assert settings.timezone == "Asia/Makassar"
    assert holidays_id.ramadan_ranges(D(2026, 12, 1), D(2027, 5, 31), settings) == [(D(2027, 2, 9), D(2027, 3, 10))]


def test_calendar_settings_are_checked() -> None:
    assert holidays_id.check_calendar_meta({}, "id") == []
    assert holidays_id.check_calendar_meta({"calendar": {"timezone": "WIT"}}, "id") == []
    problems = holidays_id.check_calendar_meta(
        {"calendar": {"timezone": "Asia/Bandung", "ramadan_start": D(2027, 2, 9)}}, "id")
    assert [p.column for p in problems] == ["calendar.timezone", "calendar.ramadan_end"]
    assert "zona waktu 'Asia/Bandung' tidak dikenal" in problems[0].message
    backwards = holidays_id.check_calendar_meta(
        {"calendar": {"ramadan_start": D(2027, 3, 9), "ramadan_end": D(2027, 2, 9)}}, "en")
    assert backwards[0].rule == "end_before_start"


# -- each conflict kind: a case that is found and one that is not ----------------------
def test_same_venue_at_overlapping_times_is_a_conflict(build: Callable[..., Plan]) -> None:
    plan = build([
        activity("A01", venue="Balai Warga", recurrence_day="minggu", start_time="07:30", end_time="10:00"),
        activity("A02", venue="  balai  warga ", recurrence_day="minggu", start_time="09:00", end_time="11:00"),
    ])
    found = of_kind(find_conflicts(plan, priorities=[]), "venue_clash")
    assert len(found) == 1
    clash = found[0]
    assert clash.activity_ids == ("A01", "A02") and clash.severity == "error"
    assert clash.dates == (D(2027, 1, 10), D(2027, 1, 17), D(2027, 1, 24), D(2027, 1, 31))
    assert clash.date == D(2027, 1, 10)
    assert "sama-sama memakai Balai Warga" in clash.message and "10 Jan 2027" in clash.message


def test_same_venue_back_to_back_or_on_other_days_is_no_conflict(build: Callable[..., Plan]) -> None:
    plan = build([
        activity("A01", venue="Balai Warga", recurrence_day="minggu", start_time="08:00", end_time="10:00"),
        activity("A02", venue="Balai Warga", recurrence_day="minggu", start_time="10:00", end_time="12:00"),
        activity("A03", venue="Balai Warga", recurrence_day="sabtu", start_time="08:00", end_time="10:00"),
        activity("A04", venue="Pos Ronda", recurrence_day="minggu", start_time="08:00", end_time="10:00"),
    ])
    assert of_kind(find_conflicts(plan, priorities=[]), "venue_clash") == []


def test_overnight_sessions_clash_after_midnight(build: Callable[..., Plan]) -> None:
    plan = build([
        activity("A01", venue="Pos Ronda", recurrence_day="sabtu", start_time="22:00", end_time="03:00"),
        activity("A02", venue="Pos Ronda", recurrence_day="minggu", start_time="02:00", end_time="04:00"),
    ])
    clash = of_kind(find_conflicts(plan, priorities=[]), "venue_clash")
    assert [c.activity_ids for c in clash] == [("A01", "A02")]
    assert clash[0].dates[0] == D(2027, 1, 10)  # the Sunday, when the second one starts


def test_one_pic_in_two_places_at_once(build: Callable[..., Plan]) -> None:
    plan = build([
        activity("A01", pic="Rizky Pratama", venue="Balai Warga", recurrence="once", start_date="2027-01-09",
                 start_time="15:30", end_time="17:30"),
        activity("A02", pic="rizky pratama", venue="SD Negeri 02", recurrence="once", start_date="2027-01-09",
                 start_time="16:00", end_time="18:00"),
        activity("A03", pic="Rizky Pratama", venue="Pos Ronda", recurrence="once", start_date="2027-01-09",
                 start_time="19:00", end_time="21:00"),
    ])
    found = of_kind(find_conflicts(plan, priorities=[]), "pic_clash")
    assert [(c.activity_ids, c.date, c.subject) for c in found] == [(("A01", "A02"), D(2027, 1, 9), "Rizky Pratama")]
    assert "Rizky Pratama memegang dua kegiatan sekaligus" in found[0].message


def test_two_pics_joined_with_a_semicolon_are_each_checked(build: Callable[..., Plan]) -> None:
    plan = build([
        activity("A01", pic="Sari; Tuti", recurrence="once", start_date="2027-01-09"),
        activity("A02", pic="Tuti", recurrence="once", start_date="2027-01-09"),
        activity("A03", pic="Budi", recurrence="once", start_date="2027-01-09"),
    ])
    assert [c.subject for c in of_kind(find_conflicts(plan, priorities=[]), "pic_clash")] == ["Tuti"]


def test_pic_over_the_weekly_limit(build: Callable[..., Plan]) -> None:
    days = ["senin", "selasa", "rabu", "kamis"]
    plan = build([activity(f"A0{i + 1}", pic="Heru", recurrence_day=d) for i, d in enumerate(days)])
    found = of_kind(find_conflicts(plan, priorities=[]), "pic_overload")
    assert len(found) == 1 and found[0].severity == "warning"
    assert found[0].activity_ids == ("A01", "A02", "A03", "A04")
    assert found[0].dates[0] == D(2027, 1, 4)  # the Monday of the first heavy week
    assert "sampai 4 sesi dalam seminggu (batas 3)" in found[0].message
    assert of_kind(find_conflicts(plan, settings=ConflictSettings(max_weekly_sessions=4), priorities=[]),
                   "pic_overload") == []


def test_pic_within_the_weekly_limit(build: Callable[..., Plan]) -> None:
    plan = build([activity(f"A0{i + 1}", pic="Heru", recurrence_day=d)
                  for i, d in enumerate(["senin", "rabu", "jumat"])])
    assert of_kind(find_conflicts(plan, priorities=[]), "pic_overload") == []


def test_sessions_on_public_holidays_and_cuti_bersama(build: Callable[..., Plan]) -> None:
    plan = build([
        activity("A01", recurrence="once", start_date="2026-12-25", end_date=""),
        activity("A02", recurrence="once", start_date="2026-12-24", end_date=""),
        activity("A03", recurrence="once", start_date="2026-12-26", end_date=""),
    ])
    found = of_kind(find_conflicts(plan, priorities=[]), "holiday")
    assert [(c.activity_ids, c.date) for c in found] == [(("A02",), D(2026, 12, 24)), (("A01",), D(2026, 12, 25))]
    assert "Cuti Bersama Hari Raya Natal" in found[0].message
    assert "Hari Raya Natal" in found[1].message


def test_sessions_on_idul_fitri_2027(build: Callable[..., Plan]) -> None:
    plan = build([activity("A01", start_date="2027-03-01", end_date="2027-03-31", recurrence="weekly",
                           recurrence_day="rabu")])
    found = of_kind(find_conflicts(plan, priorities=[]), "holiday")
    assert [c.date for c in found] == [D(2027, 3, 10)]
    assert "Idul Fitri" in found[0].message


def test_evening_sessions_in_ramadan_are_flagged(build: Callable[..., Plan]) -> None:
    plan = build([
        activity("A01", start_date="2027-02-01", end_date="2027-03-31", recurrence_day="kamis",
                 start_time="19:30", end_time="21:00"),
        activity("A02", start_date="2027-02-01", end_date="2027-03-31", recurrence_day="kamis",
                 start_time="08:00", end_time="10:00"),
    ])
    found = of_kind(find_conflicts(plan, priorities=[]), "ramadan_evening")
    assert [c.activity_ids for c in found] == [("A01",)]
    # Ramadan 2027: 8 February - 9 March (30 days before Idul Fitri on 10 March)
    assert found[0].dates == (D(2027, 2, 11), D(2027, 2, 18), D(2027, 2, 25), D(2027, 3, 4))
    assert found[0].severity == "warning"


def test_ramadan_override_moves_the_evening_check(build: Callable[..., Plan]) -> None:
    plan = build([activity("A01", start_date="2027-02-01", end_date="2027-03-31", recurrence_day="kamis",
                           start_time="19:30", end_time="21:00")],
                 calendar={"ramadan_start": D(2027, 3, 1), "ramadan_end": D(2027, 3, 20)})
    found = of_kind(find_conflicts(plan, priorities=[]), "ramadan_evening")
    assert found[0].dates == (D(2027, 3, 4), D(2027, 3, 11), D(2027, 3, 18))


def test_evening_sessions_outside_ramadan_are_not_flagged(build: Callable[..., Plan]) -> None:
    plan = build([activity("A01", start_date="2027-04-01", end_date="2027-05-31", recurrence_day="kamis",
                           start_time="19:30", end_time="21:00")])
    assert of_kind(find_conflicts(plan, priorities=[]), "ramadan_evening") == []


def test_sessions_in_the_17_agustus_week(build: Callable[..., Plan]) -> None:
    plan = build([
        activity("A01", recurrence="once", start_date="2026-08-16", end_date="", start_time="19:00",
                 end_time="22:00"),
        activity("A02", recurrence="once", start_date="2026-08-27", end_date=""),
        activity("A03", recurrence="once", start_date="2026-08-10", end_date=""),
    ], start=D(2026, 7, 1), end=D(2026, 12, 31))
    found = of_kind(find_conflicts(plan, priorities=[]), "august_week")
    assert [(c.activity_ids, c.date) for c in found] == [(("A01",), D(2026, 8, 16))]


def test_resource_used_outside_its_availability(build: Callable[..., Plan]) -> None:
    resources = [
        {"resource_id": "R01", "name": "Penjahit", "category": "individu", "availability": "Sabtu pagi"},
        {"resource_id": "R02", "name": "Balai", "category": "fisik", "availability": "setiap hari"},
    ]
    plan = build([
        activity("A01", resource_ids="R01;R02", recurrence_day="sabtu", start_time="08:00", end_time="10:00"),
        activity("A02", resource_ids="R01;R02", recurrence_day="minggu", start_time="08:00", end_time="10:00"),
        activity("A03", resource_ids="R01", recurrence_day="sabtu", start_time="15:00", end_time="17:00"),
    ], resources=resources)
    found = of_kind(find_conflicts(plan, priorities=[]), "resource_unavailable")
    assert [(c.activity_ids, c.subject) for c in found] == [(("A03",), "R01"), (("A02",), "R01")]
    assert 'hanya tersedia "Sabtu pagi", pada Minggu 08:00-10:00' in found[1].message


def test_activity_outside_the_plan_period(build: Callable[..., Plan]) -> None:
    plan = build([
        activity("A01", start_date="2026-11-20", end_date="2027-01-31"),
        activity("A02", start_date="2027-05-01", end_date="2027-06-30"),
        activity("A03", start_date="2026-12-01", end_date="2027-05-31"),
    ])
    found = of_kind(find_conflicts(plan, priorities=[]), "outside_period")
    assert [(c.activity_ids, c.dates) for c in found] == [(("A01",), (D(2026, 11, 20),)),
                                                         (("A02",), (D(2027, 6, 30),))]
    assert all(c.severity == "error" for c in found)
    # sessions outside the period are left out of the schedule itself
    assert plan_sessions(plan)["date"].min() >= pd.Timestamp("2026-12-01")


def test_activity_answering_no_prioritised_need(build: Callable[..., Plan]) -> None:
    plan = build([
        activity("A01", need_ids="N04"),
        activity("A02", need_ids=""),
        activity("A03", need_ids="N04;N02"),
        activity("A04", need_ids="N04", status="batal"),
    ])
    found = of_kind(find_conflicts(plan), "no_priority_need")
    assert [c.activity_ids for c in found] == [("A01",), ("A02",)]
    assert "menjawab kebutuhan N04, tetapi tidak ada yang diprioritaskan" in found[0].message
    assert "belum dikaitkan dengan kebutuhan mana pun" in found[1].message
    assert found[0].date is None


def test_top_priority_need_without_activity(build: Callable[..., Plan]) -> None:
    plan = build([activity("A01", need_ids="N01"), activity("A02", need_ids="N03", status="batal"),
                  activity("A03", need_ids="N02")])
    found = of_kind(find_conflicts(plan), "priority_need_without_activity")
    assert [(c.subject, c.activity_ids) for c in found] == [("N03", ())]
    assert "Kebutuhan prioritas ke-3, N03 (Ibu rumah tangga belum berpenghasilan), belum punya kegiatan" in \
        found[0].message
    assert of_kind(find_conflicts(plan, settings=ConflictSettings(top_priorities=2)),
                   "priority_need_without_activity") == []


def test_every_top_priority_with_an_activity_gives_no_finding(build: Callable[..., Plan]) -> None:
    plan = build([activity("A01", need_ids="N01;N02"), activity("A02", need_ids="N03")])
    findings = find_conflicts(plan)
    assert of_kind(findings, "priority_need_without_activity") == []
    assert of_kind(findings, "no_priority_need") == []


def test_without_priorities_needs_are_not_checked(build: Callable[..., Plan]) -> None:
    plan = build([activity("A01", need_ids="N04")], priorities=[])
    assert prioritised_needs(plan) == []
    assert [c for c in find_conflicts(plan) if c.kind in ("no_priority_need", "priority_need_without_activity")] == []


def test_stored_priorities_are_read_in_rank_order(build: Callable[..., Plan]) -> None:
    plan = build([activity("A01", need_ids="N03")],
                 priorities=[{"need_id": "N02", "rank": 2}, {"need_id": "N04", "rank": 1},
                             {"need_id": "N01", "rank": 3}])
    assert prioritised_needs(plan) == ["N04", "N02", "N01"]
    assert priority_order(plan)[:3] == ["N04", "N02", "N01"]
    findings = find_conflicts(plan)
    assert [c.subject for c in of_kind(findings, "priority_need_without_activity")] == ["N04", "N02", "N01"]
    assert [c.activity_ids for c in of_kind(findings, "no_priority_need")] == [("A01",)]


def test_needs_marked_prioritas_count_when_no_order_is_stored(build: Callable[..., Plan]) -> None:
    plan = build([activity("A01", need_ids="N03")], priorities=[])
    needs = plan.copy_table("needs")
    needs["status"] = ["prioritas", "usulan", "usulan", "usulan"]
    storage.save_table(plan, "needs", needs)
    assert prioritised_needs(plan) == ["N01"]
    assert [c.activity_ids for c in of_kind(find_conflicts(plan), "no_priority_need")] == [("A01",)]


def test_an_empty_schedule_has_no_findings(build: Callable[..., Plan]) -> None:
    assert find_conflicts(build([], priorities=[])) == []


# -- the example plans ----------------------------------------------------------------
def test_main_example_finds_the_posyandu_and_bank_sampah_clash(example_dir: Path) -> None:
    findings = find_conflicts(storage.load_plan(example_dir))
    venue = of_kind(findings, "venue_clash")
    assert [(c.activity_ids, c.subject) for c in venue] == [(("A03", "A06"), "Balai Warga RT 05")]
    assert venue[0].dates == (D(2027, 1, 10), D(2027, 2, 14), D(2027, 3, 14), D(2027, 4, 11), D(2027, 5, 9))
    assert findings[0] == venue[0]  # errors come first


def test_main_example_finds_sessions_on_public_holidays(example_dir: Path) -> None:
    holiday = {(c.activity_ids[0], c.date) for c in of_kind(find_conflicts(storage.load_plan(example_dir)),
                                                             "holiday")}
    assert {("A10", D(2027, 2, 6)), ("A07", D(2027, 3, 10)), ("A02", D(2027, 3, 9)),
            ("A11", D(2027, 5, 19))} <= holiday


def test_flood_example_has_a_ramadan_evening_and_no_hard_conflict(any_example_dir: Path) -> None:
    findings = find_conflicts(storage.load_plan(any_example_dir))
    kinds = {c.kind for c in findings}
    assert kinds <= set(CONFLICT_KINDS)
    assert "ramadan_evening" in kinds
    for c in findings:
        assert c.to_dict()["date"] == (c.date.isoformat() if c.date else None)


def test_messages_in_english(example_dir: Path) -> None:
    findings = find_conflicts(storage.load_plan(example_dir), "en")
    assert "both use Balai Warga RT 05 at overlapping times: Jan 10, 2027; Feb 14, 2027" in findings[0].message


# -- charts ---------------------------------------------------------------------------
def test_gantt_has_one_labelled_row_per_activity_and_indonesian_months(any_example_dir: Path) -> None:
    from rtplan.charts.schedule import gantt_figure

    plan = storage.load_plan(any_example_dir)
    fig = gantt_figure(plan)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert [label.split()[0] for label in labels] == list(plan["activities"]["activity_id"])
    months = [t.get_text() for t in ax.get_xticklabels()]
    assert "Januari 2027" in months and "Februari 2027" in months
    fig.savefig(any_example_dir / "gantt.png")


def test_month_calendar_lists_sessions_and_holidays(example_dir: Path) -> None:
    from rtplan.charts.schedule import month_calendar_figure, month_calendar_figures

    plan = storage.load_plan(example_dir)
    fig = month_calendar_figure(plan, 2027, 3)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "Senin" in texts and "Minggu" in texts
    assert any("Hari Raya Idul Fitri" in x for x in texts)
    assert "! 07:30 Posyandu l…" in texts  # the clash with the bank sampah, marked
    # readable at 1280x720 (the chart is shown about 1200 px wide, 13 in drawn): no text under 9.5 pt
    assert min(t.get_fontsize() for t in fig.axes[0].texts) >= 9.5
    assert fig.get_suptitle() == "Maret 2027"
    assert [f.get_suptitle() for f in month_calendar_figures(plan, "en")][:2] == ["December 2026", "January 2027"]


def test_budget_chart_marks_the_shortfall(example_dir: Path) -> None:
    from rtplan.charts.schedule import budget_figure

    fig = budget_figure(storage.load_plan(example_dir))
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts == ["kurang Rp 1,3 jt"]


def test_gantt_labels_do_not_overlap_with_15_activities(example_dir: Path) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from rtplan.charts.schedule import gantt_figure

    plan = storage.load_plan(example_dir)
    acts = plan.copy_table("activities").astype("object")
    extra = pd.DataFrame([activity(f"A{n}", title="Kegiatan tambahan dengan judul yang cukup panjang sekali",
                                   start_date=pd.Timestamp("2027-01-04"), end_date=pd.Timestamp("2027-04-30"),
                                   recurrence_day="jumat", venue=f"Rumah warga {n}", funding_source="kas RT")
                          for n in (13, 14, 15)]).astype("object")
    storage.save_table(plan, "activities", pd.concat([acts, extra], ignore_index=True))
    fig = gantt_figure(plan)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    ax = fig.axes[0]
    for ticks, count in ((ax.get_yticklabels(), 15), (ax.get_xticklabels(), 6)):
        boxes = [t.get_window_extent(renderer) for t in ticks]
        assert len(boxes) == count
        assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    # the labels stay inside the figure
    width = fig.bbox.width
    assert all(t.get_window_extent(renderer).x0 >= 0 and t.get_window_extent(renderer).x1 <= width
               for t in ax.get_yticklabels())
