"""Dates, numbers and Rupiah for people (Babel), and the message catalogue."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from rtplan import fmt
from rtplan.messages import CATALOGUE, LANGUAGES, normalize_lang, t


def test_dates() -> None:
    day = dt.date(2026, 8, 17)
    assert fmt.format_date(day) == "Senin, 17 Agustus 2026"
    assert fmt.format_date(pd.Timestamp(day), "en") == "Monday, August 17, 2026"
    assert fmt.format_date(day, "id", "long") == "17 Agustus 2026"
    assert fmt.format_date(pd.NaT) == ""
    assert fmt.format_month(day) == "Agustus 2026"
    assert fmt.month_names()[0] == "Januari" and fmt.day_names()[-1] == "Minggu"


def test_numbers_and_rupiah() -> None:
    assert fmt.format_idr(1500000) == "Rp 1.500.000"
    assert fmt.format_idr(1500000, "en") == "Rp 1,500,000"
    assert fmt.format_idr(-25000) == "-Rp 25.000"
    assert fmt.format_idr(0) == "Rp 0"
    assert fmt.format_idr(pd.NA) == ""
    assert fmt.format_number(1234567.5) == "1.234.567,5"
    assert fmt.format_number(1234567.5, "en") == "1,234,567.5"
    assert fmt.format_percent(0.455, "id", 1) == "45,5%"


def test_catalogue_has_both_languages_for_every_key() -> None:
    for key, texts in CATALOGUE.items():
        assert set(LANGUAGES) <= set(texts), key
        forms = [f for v in texts.values() for f in (v.values() if isinstance(v, dict) else [v])]
        assert all(f.strip() for f in forms), key  # plural forms are a dict per language


@pytest.mark.parametrize(("given", "expected"), [(None, "id"), ("", "id"), ("EN", "en"), ("en_US", "en"),
                                                  ("id-ID", "id"), ("jv", "id")])
def test_normalize_lang(given: str | None, expected: str) -> None:
    assert normalize_lang(given) == expected


def test_t_fills_fields() -> None:
    assert t("ui.saved_row", "en", id="P031") == "P031 saved."
    assert t("ui.saved_row", None, id="P031") == "P031 tersimpan."
