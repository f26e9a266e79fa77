"""rtplan.parse: money, numbers, dates, times, sex and yes/no as people type them."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rtplan.parse import (
    ParseError,
    parse_bool,
    parse_column,
    parse_date,
    parse_distinct,
    parse_int,
    parse_money,
    parse_number,
    parse_sex,
    parse_time,
)


@pytest.mark.parametrize(("text", "expected"), [
    ("50000", 50000), ("50.000", 50000), ("Rp 50.000", 50000), ("Rp50.000,00", 50000),
    ("Rp. 50.000,-", 50000), ("50rb", 50000), ("50 ribu", 50000), ("50k", 50000),
    ("1,5 jt", 1_500_000), ("1.5jt", 1_500_000), ("2 juta", 2_000_000), ("Rp 1.500.000", 1_500_000),
    ("1.500.000,50", 1_500_001), ("1,500,000.00", 1_500_000), ("IDR 50,000", 50000),
    ("1 M", 1_000_000_000), ("-Rp 25.000", -25000), ("(25.000)", -25000), ("-", None), ("", None),
    ("  ", None), (None, None), (1500000.0, 1500000), (1500000, 1500000), ("Rp\u00a050.000", 50000),
])
def test_money(text: object, expected: int | None) -> None:
    assert parse_money(text) == expected


@pytest.mark.parametrize("text", ["5O000", "lima puluh ribu", "50.00.000", "Rp", "1 m", "50..000", "1,2,3,4",
                                  "12abc", "rp rp 5"])
def test_money_refuses_garbage_with_one_message(text: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_money(text)
    assert info.value.kind == "money"
    assert f"'{text}' bukan jumlah uang" in info.value.message("id")
    assert f"'{text}' is not an amount of money" in info.value.message("en")


@pytest.mark.parametrize(("text", "expected"), [
    ("27/11/2026", dt.date(2026, 11, 27)), ("27-11-2026", dt.date(2026, 11, 27)),
    ("27.11.26", dt.date(2026, 11, 27)), ("27 November 2026", dt.date(2026, 11, 27)),
    ("27 Nov 2026", dt.date(2026, 11, 27)), ("27 Nopember 2026", dt.date(2026, 11, 27)),
    ("Jumat, 27 November 2026", dt.date(2026, 11, 27)), ("November 27, 2026", dt.date(2026, 11, 27)),
    ("2026-11-27", dt.date(2026, 11, 27)), ("2026/11/27 7:45:12 PM GMT+7", dt.date(2026, 11, 27)),
    ("27/11/2026 19:45:12", dt.date(2026, 11, 27)), ("2026-11-27T02:05:50.123Z", dt.date(2026, 11, 27)),
    ("11/27/2026", dt.date(2026, 11, 27)), ("17 Agu 2026", dt.date(2026, 8, 17)),
    ("17 Agustus 2026", dt.date(2026, 8, 17)), (dt.datetime(2026, 8, 17, 9), dt.date(2026, 8, 17)),
    ("", None),
])
def test_dates(text: object, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31/02/2026", "kemarin", "2026-13-01", "27 Movember 2026", "27/11"])
def test_dates_refused(text: str) -> None:
    with pytest.raises(ParseError, match=r"date|tanggal") as info:
        parse_date(text)
    assert "bukan tanggal" in info.value.message("id")


def test_day_first_when_ambiguous() -> None:
    assert parse_date("03/04/2027") == dt.date(2027, 4, 3)


@pytest.mark.parametrize(("text", "expected"), [("19:30", "19:30"), ("19.30", "19:30"), ("7:30 PM", "19:30"),
                                            ("07.00 WIB", "07:00"), ("19:30:00", "19:30"), ("12 AM", "00:00"),
                                            (dt.time(8, 5), "08:05")])
def test_times(text: object, expected: str) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "19", "jam tujuh", "13 PM"])
def test_times_refused(text: str) -> None:
    with pytest.raises(ParseError):
        parse_time(text)


@pytest.mark.parametrize(("text", "expected"), [("L", "L"), ("l", "L"), ("Laki-laki", "L"), ("LAKI LAKI", "L"),
                                            ("Pria", "L"), ("male", "L"), ("P", "P"), ("Perempuan", "P"),
                                            ("wanita", "P"), ("Female", "P"), ("", None)])
def test_sex(text: str, expected: str | None) -> None:
    assert parse_sex(text) == expected


def test_sex_refused() -> None:
    with pytest.raises(ParseError) as info:
        parse_sex("Wanita hebat")
    assert "L/P" in info.value.message("id")


@pytest.mark.parametrize(("text", "expected"), [("ya", True), ("Ya", True), ("iya", True), ("yes", True),
                                            ("true", True), ("1", True), ("✓", True), ("tidak", False),
                                            ("Tidak", False), ("tdk", False), ("no", False), ("0", False),
                                            ("false", False), ("tidak ada", False), ("", None)])
def test_bool(text: str, expected: bool | None) -> None:
    assert parse_bool(text) == expected


def test_bool_refused() -> None:
    with pytest.raises(ParseError):
        parse_bool("mungkin")


def test_numbers_and_ints() -> None:
    assert parse_number("1.234,5") == 1234.5
    assert parse_number("1,234.5") == 1234.5
    assert parse_int("1.200") == 1200
    assert parse_int(12.0) == 12
    with pytest.raises(ParseError):
        parse_int("2,5")
    with pytest.raises(ParseError):
        parse_number("dua")


def test_parse_column_keeps_order_and_reports_positions() -> None:
    values, errors = parse_column(pd.Series(["50.000", "", "5O000", "50.000", "1,5 jt"]), "money")
    assert values == [50000, None, None, 50000, 1_500_000]
    assert list(errors) == [2] and errors[2].kind == "money"


def test_parse_distinct_parses_each_value_once_and_agrees_with_parse_column(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from rtplan import parse

    cells = ["50.000", "", "5O000", "50.000", "1,5 jt", "5O000", "1200", "", "1,5 jt"] * 3
    calls: list[object] = []

    def counted(value: object) -> object:
        calls.append(value)
        return parse_money(value)

    monkeypatch.setitem(parse.PARSERS, "money", counted)
    parsed, codes, errors = parse_distinct(pd.Series(cells, dtype="string"), "money")
    assert sorted(map(str, calls)) == ["", "1,5 jt", "50.000", "5O000"]  # "1200": the digits fast path
    assert [parsed[c] for c in codes] == parse_column(pd.Series(cells), "money")[0]
    assert list(errors) == [2] and errors[2].kind == "money"  # "5O000", the third distinct value
    assert [i for i, c in enumerate(codes) if c in errors] == list(parse_column(pd.Series(cells), "money")[1])


@given(st.integers(min_value=0, max_value=10**12))
def test_money_reads_every_written_form(amount: int) -> None:
    dotted = f"{amount:,}".replace(",", ".")
    assert parse_money(str(amount)) == amount
    assert parse_money(f"Rp {dotted}") == amount
    assert parse_money(f"Rp{dotted},00") == amount
    assert parse_money(f"{amount:,}.00") == amount


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_dates_read_every_written_form(day: dt.date) -> None:
    from rtplan.fmt import format_date

    assert parse_date(day.strftime("%d/%m/%Y")) == day
    assert parse_date(day.isoformat()) == day
    assert parse_date(format_date(day, "id", "long")) == day
    assert parse_date(format_date(day, "id", "full")) == day
    assert parse_date(format_date(day, "en", "long")) == day
    assert parse_date(day.strftime("%Y/%m/%d") + " 7:45:12 PM GMT+7") == day
