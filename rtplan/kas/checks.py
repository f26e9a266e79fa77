"""What the treasurer should look at in the kas book, and what a new entry would do."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from rtplan.fmt import format_date, format_idr
from rtplan.kas.ledger import OPENING_CATEGORY, _text, book, closing_balance, is_blank, mask_private, select_rows
from rtplan.messages import normalize_lang, t


@dataclass(frozen=True)
class KasCheck:
    """One thing the treasurer should look at; ``level`` is ``"warning"`` or ``"info"``."""

    rule: str
    level: str
    message: str
    entry_ids: tuple[str, ...] = ()

    @property
    def is_warning(self) -> bool:
        return self.level == "warning"


@dataclass(frozen=True)
class EntryPreview:
    """What saving one more (or a changed) entry would do, shown before saving."""

    balance_after_entry_idr: int
    closing_balance_idr: int
    checks: tuple[KasCheck, ...]


def _ids_text(ids: list[str], limit: int = 8) -> str:
    shown = ", ".join(ids[:limit])
    return shown + (f", … (+{len(ids) - limit})" if len(ids) > limit else "")


def kas_checks(
    the_book: pd.DataFrame,
    lang: str = "id",
    *,
    allow_negative: bool = False,
    period: tuple[dt.date, dt.date] | None = None,
) -> list[KasCheck]:
    """Everything in the book the treasurer should look at, each with a clear message.

    Parameters
    ----------
    the_book : the output of :func:`book`.
    allow_negative : ``[kas] allow_negative`` from ``plan.toml``.
    period : the plan period; entries outside it are pointed out.

    Returns
    -------
    list of KasCheck, in this order: negative balance, entries outside the period,
    expenses without description, expenses without proof, a ``saldo awal`` entry
    that is not the first.
    """
    lang = normalize_lang(lang)
    checks: list[KasCheck] = []
    # 1. the balance below zero: one check per stretch below zero
    stretch: list[int] = []
    rows = list(the_book.itertuples(index=False))

    def close_stretch(recovered: Any | None) -> None:
        first = rows[stretch[0]]
        low = min(rows[i].balance_idr for i in stretch)
        ids = tuple(rows[i].entry_id for i in stretch)
        until = (t("kas.check.negative_until", lang, entry=recovered.entry_id,
                   date=format_date(recovered.date, lang, "long"))
                 if recovered is not None else t("kas.check.negative_still", lang))
        key = "kas.check.negative_allowed" if allow_negative else "kas.check.negative"
        checks.append(KasCheck("negative_balance", "info" if allow_negative else "warning",
                               t(key, lang, entry=first.entry_id, date=format_date(first.date, lang, "long"),
                                 low=format_idr(low, lang), until=until), ids))

    for i, r in enumerate(rows):
        if r.balance_idr < 0:
            stretch.append(i)
        elif stretch:
            close_stretch(r)
            stretch = []
    if stretch:
        close_stretch(None)
    # 2. entries outside the plan period
    if period is not None:
        start, end = period
        before = select_rows(the_book, [d < start for d in the_book["date"]])
        after = select_rows(the_book, [d > end for d in the_book["date"]])
        if len(before):
            checks.append(KasCheck("before_period", "info", t(
                "kas.check.before_period", lang, n=len(before), ids=_ids_text(list(before["entry_id"])),
                first=format_date(before["date"].iloc[0], lang, "long"),
                last=format_date(before["date"].iloc[-1], lang, "long"),
                start=format_date(start, lang, "long")), tuple(before["entry_id"])))
        if len(after):
            checks.append(KasCheck("after_period", "warning", t(
                "kas.check.after_period", lang, n=len(after), ids=_ids_text(list(after["entry_id"])),
                end=format_date(end, lang, "long")), tuple(after["entry_id"])))
    # 3./4. expenses that cannot be traced
    checks.extend(KasCheck("expense_no_description", "warning", t(
        "kas.check.no_description", lang, entry=r.entry_id, amount=format_idr(r.expense_idr, lang),
        date=format_date(r.date, lang, "long")), (r.entry_id,))
        for r in rows if r.expense_idr > 0 and is_blank(r.description))
    checks.extend(KasCheck("expense_no_proof", "warning", t(
        "kas.check.no_proof", lang, entry=r.entry_id, amount=format_idr(r.expense_idr, lang),
        date=format_date(r.date, lang, "long"), description=mask_private(r.description) or "-"), (r.entry_id,))
        for r in rows if r.expense_idr > 0 and is_blank(r.proof))
    # 5. a carried-over balance written after other entries is probably counted twice
    for i, r in enumerate(rows):
        if r.category.lower() == OPENING_CATEGORY and i > 0:
            checks.append(KasCheck("opening_not_first", "warning", t(
                "kas.check.opening_not_first", lang, entry=r.entry_id, date=format_date(r.date, lang, "long"),
                n=i), (r.entry_id,)))
    return checks


def preview_entry(
    ledger: pd.DataFrame,
    row: Mapping[str, Any],
    replace_id: str | None = None,
    lang: str = "id",
    *,
    allow_negative: bool = False,
    period: tuple[dt.date, dt.date] | None = None,
) -> EntryPreview:
    """The balance right after ``row`` and at the end, and the checks it would raise.

    ``replace_id``: the entry being edited (its old version is left out).
    Only the checks that involve the new entry are returned.
    """
    keep = ledger if replace_id is None else ledger[ledger["entry_id"].astype(str) != replace_id]
    new = pd.DataFrame([{c: row.get(c) for c in ledger.columns}])
    new["date"] = pd.to_datetime(new["date"])
    combined = pd.concat([keep.astype("object"), new.astype("object")], ignore_index=True)
    combined["date"] = pd.to_datetime(combined["date"])
    the_book = book(combined)
    ident = _text(row.get("entry_id"))
    at = the_book[the_book["entry_id"] == ident]
    after = int(at["balance_idr"].iloc[-1]) if len(at) else int(the_book["balance_idr"].iloc[-1])
    closing = closing_balance(the_book)
    checks = [c for c in kas_checks(the_book, lang, allow_negative=allow_negative, period=period)
              if ident in c.entry_ids and c.rule != "before_period"]
    return EntryPreview(after, closing, tuple(checks))

