"""Step 4: the kas RT (cash book): running balance, period summary and checks.

The period summary follows the form Jakarta asks every RT to read out to residents at
least every six months (``../shared/domain.md``, "Money"): rows *Saldo awal* /
*Penerimaan* / *Pengeluaran* / *Saldo akhir*, each with line items
``No | Kegiatan | Jumlah | Keterangan``.

Arithmetic rules (the tests check them on hand-worked cases):

* the book runs in date order; entries of one day keep the order they were written in;
* ``Saldo awal`` of a period = every entry before the period, plus entries of the
  category ``saldo awal`` that open the period (no other entry of the period before
  them): they carry the balance over, they are not income;
* ``Penerimaan`` / ``Pengeluaran`` = the sums of the income / expense columns of the
  other entries in the period. Corrections (``koreksi``) and refunds are ordinary
  income or expense lines, never netted, so the totals equal the book's own columns;
* ``Saldo akhir`` = saldo awal + penerimaan - pengeluaran.

A negative balance is reported as a warning unless the plan allows it in
``plan.toml``::

    [kas]
    allow_negative = true   # default false: a negative balance is a warning

(an advance paid from a treasurer's own pocket is better written as an income entry,
e.g. category ``pinjaman``, and paid back as an expense.)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from markupsafe import Markup

from rtplan.display import html_table
from rtplan.exceptions import RtplanError
from rtplan.fmt import format_date, format_idr
from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan
from rtplan.tables import as_date, is_missing
from rtplan.validation import looks_private

OPENING_CATEGORY = "saldo awal"
INCOME, EXPENSE = "income", "expense"
# categories with their own wording in the report; any other category is shown as written
KNOWN_CATEGORIES = ("saldo awal", "iuran", "donasi", "kegiatan", "operasional", "koreksi", "sosial", "pinjaman")
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
        lines = []
        for r in self.lines.itertuples(index=False):
            lines.append({
                "section": r.section, "no": int(r.no), "kegiatan": r.kegiatan, "jumlah_idr": int(r.jumlah_idr),
                "keterangan": r.keterangan, "entry_ids": list(r.entry_ids),
                "activity_id": r.activity_id or None, "category": r.category or None,
            })
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


@dataclass(frozen=True)
class EntryPreview:
    """What saving one more (or a changed) entry would do, shown before saving."""

    balance_after_entry_idr: int
    closing_balance_idr: int
    checks: tuple[KasCheck, ...]


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
    if cat.lower() in KNOWN_CATEGORIES:
        return t(f"kas.cat.{cat.lower().replace(' ', '_')}", lang)
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
    text = {c: "str" for c in ("entry_id", "description", "activity_id", "category", "proof")}
    return out[BOOK_COLUMNS].astype({**text, "date": "object", "income_idr": "int64", "expense_idr": "int64",
                                     "net_idr": "int64", "balance_idr": "int64"}).reset_index(drop=True)


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


# -- checks ------------------------------------------------------------------------
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
    for r in rows:
        if r.expense_idr > 0 and is_blank(r.description):
            checks.append(KasCheck("expense_no_description", "warning", t(
                "kas.check.no_description", lang, entry=r.entry_id, amount=format_idr(r.expense_idr, lang),
                date=format_date(r.date, lang, "long")), (r.entry_id,)))
    for r in rows:
        if r.expense_idr > 0 and is_blank(r.proof):
            checks.append(KasCheck("expense_no_proof", "warning", t(
                "kas.check.no_proof", lang, entry=r.entry_id, amount=format_idr(r.expense_idr, lang),
                date=format_date(r.date, lang, "long"), description=mask_private(r.description) or "-"),
                (r.entry_id,)))
    # 5. a carried-over balance written after other entries is probably counted twice
    for i, r in enumerate(rows):
        if r.category.lower() == OPENING_CATEGORY and i > 0:
            checks.append(KasCheck("opening_not_first", "warning", t(
                "kas.check.opening_not_first", lang, entry=r.entry_id, date=format_date(r.date, lang, "long"),
                n=i), (r.entry_id,)))
    return checks


# -- the period summary -------------------------------------------------------------
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
    dates = [d for d in book(plan["ledger"])["date"]]
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
    closing = int(the_book["balance_idr"].iloc[-1]) if len(the_book) else 0
    checks = [c for c in kas_checks(the_book, lang, allow_negative=allow_negative, period=period)
              if ident in c.entry_ids and c.rule != "before_period"]
    return EntryPreview(after, closing, tuple(checks))


# -- people-facing tables --------------------------------------------------------------
def form_table(summary: KasSummary, lang: str | None = None) -> pd.DataFrame:
    """The report form as text: ``No | Kegiatan | Jumlah | Keterangan`` with the four rows.

    Roman numerals number the rows (I saldo awal, II penerimaan, III pengeluaran,
    IV saldo akhir) and 1, 2, ... the line items under them, as on the Jakarta form.
    """
    lang = normalize_lang(lang or summary.lang)
    rows: list[dict[str, str]] = []

    def add(no: str, kegiatan: str, amount: int | None, keterangan: str = "") -> None:
        rows.append({"no": no, "kegiatan": kegiatan, "jumlah": "" if amount is None else format_idr(amount, lang),
                     "keterangan": keterangan})

    start_text = format_date(summary.start, lang, "long")
    end_text = format_date(summary.end, lang, "long")
    add("I", t("kas.form.opening", lang, date=start_text), summary.opening_balance_idr,
        ", ".join(summary.opening_entry_ids))
    for roman, section, total_key, total in (("II", INCOME, "kas.form.income_total", summary.income_idr),
                                             ("III", EXPENSE, "kas.form.expense_total", summary.expense_idr)):
        add(roman, t(f"kas.form.{section}", lang), None)
        items = summary.section(section)
        if items.empty:
            add("", t("kas.form.none", lang), 0)
        for item in items.itertuples(index=False):
            add(str(item.no), item.kegiatan, int(item.jumlah_idr), item.keterangan)
        add("", t(total_key, lang), total)
    add("IV", t("kas.form.closing", lang, date=end_text), summary.closing_balance_idr,
        t("kas.form.closing_note", lang))
    return pd.DataFrame(rows, columns=["no", "kegiatan", "jumlah", "keterangan"])


def form_headers(lang: str) -> dict[str, str]:
    return {c: t(f"kas.col.{c}", lang) for c in ("no", "kegiatan", "jumlah", "keterangan")}


def book_table(summary: KasSummary, lang: str | None = None) -> pd.DataFrame:
    """The period's cash book as text, with the running balance after each entry."""
    lang = normalize_lang(lang or summary.lang)
    rows = []
    for r in summary.entries.itertuples(index=False):
        rows.append({
            "entry_id": r.entry_id, "date": format_date(r.date, lang, "medium"), "description": r.description,
            "income": format_idr(r.income_idr, lang) if r.income_idr else "",
            "expense": format_idr(r.expense_idr, lang) if r.expense_idr else "",
            "balance": format_idr(r.balance_idr, lang), "activity_id": r.activity_id, "proof": r.proof,
        })
    return pd.DataFrame(rows, columns=["entry_id", "date", "description", "income", "expense", "balance",
                                       "activity_id", "proof"])


def book_headers(lang: str) -> dict[str, str]:
    return {c: t(f"kas.book.{c}", lang) for c in ("entry_id", "date", "description", "income", "expense", "balance",
                                                  "activity_id", "proof")}


def checks_html(checks: tuple[KasCheck, ...] | list[KasCheck], lang: str,
                css_id: str = "rtplan-kas-checks") -> Markup:
    """The checks as an HTML list (warnings marked), or a line saying all is well."""
    from rtplan.render import render

    return render("checks.html.j2", checks=list(checks), css_id=css_id, none_text=t("kas.check.none", lang))


def kas_html(summary: KasSummary, lang: str | None = None, *, with_book: bool = False,
             with_checks: bool = True) -> Markup:
    """The kas report as HTML for a notebook or a document: title, form, (book), checks."""
    from rtplan.render import fragment, join

    lang = normalize_lang(lang or summary.lang)
    title = t("kas.form.title", lang, start=format_date(summary.start, lang, "long"),
              end=format_date(summary.end, lang, "long"))
    parts = [fragment("<h4>{{ title }}</h4>", title=title),
             html_table(form_table(summary, lang), form_headers(lang), table_id="rtplan-kas-form",
                        numeric=("jumlah",))]
    if with_book:
        parts.append(html_table(book_table(summary, lang), book_headers(lang), table_id="rtplan-kas-book",
                                numeric=("income", "expense", "balance"), caption=t("kas.book.caption", lang)))
    if with_checks:
        parts.append(checks_html(summary.checks, lang))
    return join(parts)


def form_text(summary: KasSummary, lang: str | None = None) -> str:
    """The report form as plain text for the terminal (``rtplan kas``)."""
    lang = normalize_lang(lang or summary.lang)
    table = form_table(summary, lang)
    headers = form_headers(lang)
    widths = {c: max([len(headers[c])] + [len(v) for v in table[c]]) for c in ("no", "kegiatan", "jumlah")}
    widths["kegiatan"] = min(widths["kegiatan"], 60)

    def fit(text: str, width: int) -> str:
        return text if len(text) <= width else text[: width - 1] + "…"

    out = [t("kas.form.title", lang, start=format_date(summary.start, lang, "long"),
             end=format_date(summary.end, lang, "long")), ""]
    out.append(f"{headers['no']:<{widths['no']}}  {headers['kegiatan']:<{widths['kegiatan']}}  "
               f"{headers['jumlah']:>{widths['jumlah']}}  {headers['keterangan']}")
    for r in table.itertuples(index=False):
        out.append(f"{r.no:<{widths['no']}}  {fit(r.kegiatan, widths['kegiatan']):<{widths['kegiatan']}}  "
                   f"{r.jumlah:>{widths['jumlah']}}  {r.keterangan}".rstrip())
    return "\n".join(out)


__all__ = [
    "EntryPreview", "KasCheck", "KasSettings", "KasSummary", "activity_spending", "book", "book_table",
    "category_label", "checks_html", "default_period", "form_table", "form_text", "kas_checks", "kas_html",
    "kas_summary", "mask_private", "monthly_balances", "preview_entry", "summarize",
]
