"""The kas report of one period: the four rows of the Jakarta form and their line items."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from rtplan.exceptions import RtplanError
from rtplan.kas.checks import KasCheck, kas_checks
from rtplan.kas.ledger import (
    EXPENSE,
    INCOME,
    OPENING_CATEGORY,
    KasSettings,
    _text,
    book,
    category_label,
    is_blank,
    mask_private,
    monthly_balances,
    select_rows,
)
from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan


@dataclass(frozen=True)
class KasSummary:
    """The cash report of one period, ready to print or to turn into JSON.

    Attributes
    ----------
    start, end : the period (both days included).
    opening_balance_idr, income_idr, expense_idr, closing_balance_idr : the four
        rows of the form; ``closing = opening + income - expense``.
    lines : one row per line item: ``section`` (``income``/``expense``), ``no``
        (1, 2, ... within the section), ``kegiatan``, ``jumlah_idr``, ``keterangan``,
        ``entry_ids`` (tuple), ``activity_id``, ``category``, ``first_date``.
    entries : the period's entries in book order with ``balance_idr`` after each.
    months : one row per calendar month of the period: ``month`` (first day),
        ``opening_idr``, ``income_idr``, ``expense_idr``, ``closing_idr``.
    checks : what the treasurer should look at (the whole book).
    lang : the language of the texts in ``lines`` and ``checks``.
    """

    start: dt.date
    end: dt.date
    opening_balance_idr: int
    income_idr: int
    expense_idr: int
    closing_balance_idr: int
    lines: pd.DataFrame
    entries: pd.DataFrame
    months: pd.DataFrame
    checks: tuple[KasCheck, ...] = ()
    lang: str = "id"
    opening_entry_ids: tuple[str, ...] = field(default=())

    @property
    def warnings(self) -> list[KasCheck]:
        return [c for c in self.checks if c.is_warning]

    def section(self, name: str) -> pd.DataFrame:
        """The line items of ``income`` or ``expense``."""
        return self.lines[self.lines["section"] == name].reset_index(drop=True)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (amounts as whole Rupiah integers, dates ISO)."""
        lines = [{
            "section": r.section, "no": int(r.no), "kegiatan": r.kegiatan, "jumlah_idr": int(r.jumlah_idr),
            "keterangan": r.keterangan, "entry_ids": list(r.entry_ids),
            "activity_id": r.activity_id or None, "category": r.category or None,
        } for r in self.lines.itertuples(index=False)]
        return {
            "period": {"start": self.start.isoformat(), "end": self.end.isoformat()},
            "opening_balance_idr": self.opening_balance_idr,
            "income_idr": self.income_idr,
            "expense_idr": self.expense_idr,
            "closing_balance_idr": self.closing_balance_idr,
            "lines": lines,
            "months": [
                {"month": m.month.strftime("%Y-%m"), "opening_idr": int(m.opening_idr), "income_idr": int(m.income_idr),
                 "expense_idr": int(m.expense_idr), "closing_idr": int(m.closing_idr)}
                for m in self.months.itertuples(index=False)
            ],
            "checks": [{"rule": c.rule, "level": c.level, "message": c.message, "entry_ids": list(c.entry_ids)}
                       for c in self.checks],
        }


LINE_COLUMNS = ["section", "no", "kegiatan", "jumlah_idr", "keterangan", "entry_ids", "activity_id", "category",
                "first_date"]


def _ref(row: Any) -> str:
    return f"{row.entry_id} ({mask_private(row.proof)})" if not is_blank(row.proof) else str(row.entry_id)


def _line_items(
    entries: pd.DataFrame,
    section: str,
    titles: Mapping[str, str],
    lang: str,
    group: bool,
) -> list[dict[str, Any]]:
    column = "income_idr" if section == INCOME else "expense_idr"
    sub = entries[entries[column] > 0]
    groups: dict[tuple[str, ...], list[Any]] = {}
    for r in sub.itertuples(index=False):
        key = (r.activity_id, r.category.lower()) if group else (r.entry_id,)
        groups.setdefault(key, []).append(r)
    items = []
    for members in groups.values():
        first = members[0]
        activity, category = first.activity_id, first.category
        if group and activity:
            title = mask_private(titles.get(activity, activity))
            plain = section == EXPENSE and category.lower() in ("kegiatan", "")
            kegiatan = title if plain else f"{category_label(category, lang)}: {title}"
        elif len(members) == 1:
            kegiatan = mask_private(first.description) or category_label(category, lang)
        else:
            kegiatan = t("kas.line.grouped", lang, label=category_label(category, lang), n=len(members))
        items.append({
            "section": section,
            "kegiatan": kegiatan,
            "jumlah_idr": int(sum(getattr(m, column) for m in members)),
            "keterangan": ", ".join(_ref(m) for m in members),
            "entry_ids": tuple(m.entry_id for m in members),
            "activity_id": activity,
            "category": category,
            "first_date": first.date,
        })
    for no, item in enumerate(items, start=1):
        item["no"] = no
    return items


def summarize(
    ledger: pd.DataFrame,
    start: dt.date,
    end: dt.date,
    *,
    activities: pd.DataFrame | None = None,
    lang: str = "id",
    allow_negative: bool = False,
    plan_period: tuple[dt.date, dt.date] | None = None,
    group: bool = True,
) -> KasSummary:
    """The kas report of ``start``..``end`` (both included) from a ledger table.

    Parameters
    ----------
    ledger : the ``ledger`` table (as loaded).
    start, end : the period of the report.
    activities : the ``activities`` table, to name activity lines by their title.
    lang : ``"id"`` or ``"en"`` for the texts.
    allow_negative : ``[kas] allow_negative`` (see :class:`KasSettings`).
    plan_period : the plan period, for the check on entries outside it.
    group : one line per activity (or per category when no activity) and section;
        ``False`` lists every entry on its own line.

    Raises
    ------
    RtplanError : the period ends before it starts.
    """
    lang = normalize_lang(lang)
    if end < start:
        raise RtplanError(t("kas.bad_period", lang, start=start.isoformat(), end=end.isoformat()))
    full = book(ledger)
    before = select_rows(full, [d < start for d in full["date"]])
    inside = select_rows(full, [start <= d <= end for d in full["date"]]).reset_index(drop=True)
    opening = int(before["net_idr"].sum())
    # saldo-awal entries that open the period carry the balance over (they are not income)
    carried = 0
    while carried < len(inside) and inside["category"].iloc[carried].lower() == OPENING_CATEGORY:
        carried += 1
    opening_ids = tuple(inside["entry_id"].iloc[:carried])
    opening += int(inside["net_idr"].iloc[:carried].sum())
    counted = inside.iloc[carried:].reset_index(drop=True)
    titles: dict[str, str] = {}
    if activities is not None and len(activities):
        titles = {str(a): _text(b) for a, b in zip(activities["activity_id"], activities["title"])}
    items = _line_items(counted, INCOME, titles, lang, group) + _line_items(counted, EXPENSE, titles, lang, group)
    lines = pd.DataFrame(items, columns=LINE_COLUMNS)
    if len(lines):
        lines = lines.astype({"no": "int64", "jumlah_idr": "int64"})
    income, expense = int(counted["income_idr"].sum()), int(counted["expense_idr"].sum())
    entries = inside.copy()
    entries["description"] = [mask_private(d) for d in entries["description"]]
    entries["proof"] = [mask_private(p) for p in entries["proof"]]
    return KasSummary(
        start=start, end=end,
        opening_balance_idr=opening, income_idr=income, expense_idr=expense,
        closing_balance_idr=opening + income - expense,
        lines=lines, entries=entries, months=monthly_balances(counted, opening, start, end),
        checks=tuple(kas_checks(full, lang, allow_negative=allow_negative, period=plan_period)),
        lang=lang, opening_entry_ids=opening_ids,
    )


def default_period(plan: Plan) -> tuple[dt.date, dt.date]:
    """The plan period; without one, from the first to the last entry (or today)."""
    if plan.period is not None:
        return plan.period
    dates = list(book(plan["ledger"])["date"])
    today = dt.date.today()
    return (min(dates, default=today), max(dates, default=today))


def kas_summary(
    plan: Plan,
    start: dt.date | None = None,
    end: dt.date | None = None,
    lang: str | None = None,
    group: bool = True,
) -> KasSummary:
    """The kas RT report of a plan for a period (default: the plan period).

    Parameters
    ----------
    plan : the loaded plan.
    start, end : the first and last day of the report; either may be left out and
        then comes from the plan period.
    lang : language of the texts (default: the plan's).
    group : one line per activity/category (default) or one line per entry.
    """
    lang = normalize_lang(lang or plan.lang)
    default_start, default_end = default_period(plan)
    return summarize(
        plan["ledger"], start or default_start, end or default_end,
        activities=plan["activities"], lang=lang,
        allow_negative=KasSettings.from_meta(plan.meta).allow_negative,
        plan_period=plan.period, group=group,
    )

