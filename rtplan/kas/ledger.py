"""The kas RT book: entries in date order with the running balance, month by month.

Also the small rules every kas function shares: what counts as a blank cell, how a
category reads, and hiding phone numbers from anything printed (UU PDP).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from rtplan.messages import t
from rtplan.tables import as_date, is_missing
from rtplan.validation import looks_private

OPENING_CATEGORY = "saldo awal"
INCOME, EXPENSE = "income", "expense"
# categories with their own wording in the report; any other category is shown as written
_CATEGORY_KEYS = {"saldo awal": "kas.cat.saldo_awal", "iuran": "kas.cat.iuran", "donasi": "kas.cat.donasi",
                  "kegiatan": "kas.cat.kegiatan", "operasional": "kas.cat.operasional", "koreksi": "kas.cat.koreksi",
                  "sosial": "kas.cat.sosial", "pinjaman": "kas.cat.pinjaman"}
KNOWN_CATEGORIES = tuple(_CATEGORY_KEYS)
# what a treasurer writes when there is no description or no proof
_BLANK = {"", "-", "--", "?", ".", "0", "tidak ada", "tidak ada bukti", "none", "n/a", "na"}
_LONG_NUMBER = re.compile(r"(?:\+?\d[\d\s.\-]{7,}\d)")


@dataclass(frozen=True)
class KasSettings:
    """The ``[kas]`` section of ``plan.toml`` (optional; every key has a default).

    Attributes
    ----------
    allow_negative : the musyawarah agreed that the cash may go below zero (e.g. the
        treasurer advances money); a negative balance is then only noted, not warned.
    """

    allow_negative: bool = False

    @classmethod
    def from_meta(cls, meta: Mapping[str, Any]) -> KasSettings:
        section = meta.get("kas") if isinstance(meta, Mapping) else None
        if not isinstance(section, Mapping):
            return cls()
        value = section.get("allow_negative", False)
        return cls(allow_negative=value is True or str(value).strip().lower() == "true")


# -- small helpers ------------------------------------------------------------------
def _text(value: object) -> str:
    return "" if is_missing(value) else str(value).strip()


def _amount(value: object) -> int:
    return 0 if is_missing(value) else int(value)  # type: ignore[call-overload]



def select_rows(frame: pd.DataFrame, mask: list[bool]) -> pd.DataFrame:
    """The rows of ``frame`` where ``mask`` is true (safe when both are empty: a plain
    ``frame[[]]`` would select no *columns*)."""
    return frame.loc[np.asarray(mask, dtype=bool)]


def is_blank(text: object) -> bool:
    """True for an empty cell and for what people write instead of nothing (``-``, ``?``)."""
    return _text(text).lower() in _BLANK


def mask_private(text: object) -> str:
    """``text`` with phone-number-like digit runs hidden, when it seems to hold one.

    Shared documents never carry phone numbers (UU PDP); validation warns about them,
    and this makes sure a warning that was ignored does not end up printed.
    """
    value = _text(text)
    if not looks_private(value):
        return value
    return _LONG_NUMBER.sub("[…]", value)


def category_label(category: str, lang: str) -> str:
    """How a ledger category reads in the report (``iuran`` -> ``Iuran kas warga``)."""
    cat = category.strip()
    if not cat:
        return t("kas.cat.other", lang)
    if cat.lower() in _CATEGORY_KEYS:
        return t(_CATEGORY_KEYS[cat.lower()], lang)
    return cat[:1].upper() + cat[1:]


# -- the book ----------------------------------------------------------------------
BOOK_COLUMNS = ["entry_id", "date", "description", "income_idr", "expense_idr", "activity_id", "category",
                "proof", "net_idr", "balance_idr"]


def book(ledger: pd.DataFrame) -> pd.DataFrame:
    """The cash book in date order with the running balance after each entry.

    Entries of the same day keep their order in the file. Rows without a readable
    date are left out (``rtplan validate`` reports them). Amounts are plain integers
    (an empty cell is 0).
    """
    frame = ledger.copy()
    frame = frame[frame["date"].notna()]
    frame = frame.assign(_pos=range(len(frame))).sort_values(["date", "_pos"], kind="stable")
    out = pd.DataFrame({
        "entry_id": [_text(v) for v in frame["entry_id"]],
        "date": [as_date(v) for v in frame["date"]],
        "description": [_text(v) for v in frame["description"]],
        "income_idr": [_amount(v) for v in frame["income_idr"]],
        "expense_idr": [_amount(v) for v in frame["expense_idr"]],
        "activity_id": [_text(v) for v in frame["activity_id"]],
        "category": [_text(v) for v in frame["category"]],
        "proof": [_text(v) for v in frame["proof"]],
    })
    out["net_idr"] = out["income_idr"] - out["expense_idr"]
    out["balance_idr"] = out["net_idr"].cumsum() if len(out) else pd.Series(dtype="int64")
    text = dict.fromkeys(("entry_id", "description", "activity_id", "category", "proof"), "str")
    return out[BOOK_COLUMNS].astype({**text, "date": "object", "income_idr": "int64", "expense_idr": "int64",
                                     "net_idr": "int64", "balance_idr": "int64"}).reset_index(drop=True)


def closing_balance(the_book: pd.DataFrame) -> int:
    """The balance after the last entry of a :func:`book` (0 for an empty book)."""
    return int(the_book["balance_idr"].iloc[-1]) if len(the_book) else 0


def _month_starts(start: dt.date, end: dt.date) -> list[dt.date]:
    months = []
    current = dt.date(start.year, start.month, 1)
    while current <= end:
        months.append(current)
        current = dt.date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months


def monthly_balances(entries: pd.DataFrame, opening: int, start: dt.date, end: dt.date) -> pd.DataFrame:
    """Opening, income, expense and closing per calendar month of ``start``..``end``.

    ``entries`` are the period's entries counted as income/expense (not those carried
    into ``opening``). A month without entries keeps its balance: closing = opening.
    """
    rows = []
    balance = opening
    for month in _month_starts(start, end):
        following = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
        mask = [month <= d < following for d in entries["date"]]
        sub = select_rows(entries, mask)
        income, expense = int(sub["income_idr"].sum()), int(sub["expense_idr"].sum())
        rows.append({"month": month, "opening_idr": balance, "income_idr": income, "expense_idr": expense,
                     "closing_idr": balance + income - expense})
        balance += income - expense
    return pd.DataFrame(rows, columns=["month", "opening_idr", "income_idr", "expense_idr", "closing_idr"])


def activity_spending(ledger: pd.DataFrame, until: dt.date | None = None) -> pd.Series:
    """Net cash spent per activity id: expenses minus refunds (``koreksi`` income).

    Donations linked to an activity are funding, not refunds, and are not subtracted.
    """
    the_book = book(ledger)
    if until is not None:
        the_book = select_rows(the_book, [d <= until for d in the_book["date"]])
    linked = the_book[the_book["activity_id"] != ""]
    is_refund = [c.lower() == "koreksi" for c in linked["category"]]
    refunds = linked["income_idr"].where(np.asarray(is_refund, dtype=bool), 0)
    net = (linked["expense_idr"] - refunds).groupby(linked["activity_id"]).sum()
    return net.astype("int64")

