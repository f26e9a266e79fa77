"""Reading availability words (``Sabtu pagi``, ``Senin-Jumat malam``) into slots."""

from __future__ import annotations

import datetime as dt

import pytest

from rtplan.availability import parse_availability, weekday_index

SAT = dt.date(2026, 12, 5)
SUN = dt.date(2026, 12, 6)
WED = dt.date(2026, 12, 2)


@pytest.mark.parametrize(("text", "weekdays"), [
    ("Sabtu pagi", {5}), ("Senin-Jumat malam", {0, 1, 2, 3, 4}), ("akhir pekan", {5, 6}),
    ("Minggu pagi;Rabu sore", {2, 6}), ("Sabtu dan Minggu pagi", {5, 6}), ("setiap Sabtu pagi", {5}),
    ("Selasa, Kamis sore", {1, 3}), ("Jum'at malam", {4}), ("Sabtu s.d. Senin", {5, 6, 0}),
    ("saturday morning", {5}),
])
def test_weekdays(text: str, weekdays: set[int]) -> None:
    parsed = parse_availability(text)
    assert parsed.weekdays() == weekdays and not parsed.unknown


def test_covers_parts_of_day() -> None:
    sat_morning = parse_availability("Sabtu pagi")
    assert sat_morning.covers(SAT, "08:00", "10:00") is True
    assert sat_morning.covers(SAT, "10:00", "12:00") is False  # runs into siang
    assert sat_morning.covers(SUN, "08:00", "10:00") is False
    assert parse_availability("Sabtu pagi siang").covers(SAT, "10:00", "12:00") is True
    assert parse_availability("Rabu malam").covers(WED, "22:00", "02:00") is True  # overnight


def test_always_and_unknown() -> None:
    for text in ("", None, "setiap hari", "kapan saja"):
        assert parse_availability(text).always
        assert parse_availability(text).covers(SUN, "07:00", "09:00") is True
    vague = parse_availability("tergantung jadwal")
    assert vague.unknown == ("tergantung jadwal",) and vague.covers(SUN) is None


def test_weekday_index() -> None:
    assert weekday_index("Senin") == 0 and weekday_index("ahad") == 6 and weekday_index("pagi") is None
