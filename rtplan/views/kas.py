"""Step 4 tables for people: the kas report (the Jakarta form) and the cash book.

Each table is declared once here and built by a pure function from
:class:`rtplan.kas.KasSummary` (or the book of :func:`rtplan.kas.book`):

* :data:`FORM` - ``No | Kegiatan | Jumlah | Keterangan`` with the four rows *Saldo awal*
  (I), *Penerimaan* (II), *Pengeluaran* (III), *Saldo akhir* (IV) and the line items
  (1, 2, ...) under II and III, as on the form Jakarta asks RTs to read out;
* :data:`BOOK` - the cash book with the running balance after each entry.

:func:`rtplan.render.kas.kas_html` puts the title, the form, the book and the checks
together for a notebook or a document; a notebook shows a :class:`~rtplan.kas.KasSummary`
that way (:mod:`rtplan.ui.display`).

Example (a notebook cell)::

    form_view(kas_summary(plan))          # the form as a table
    kas_summary(plan)                     # title, form, book and checks
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from rtplan.fmt import format_date
from rtplan.kas import EXPENSE, INCOME, KasSummary
from rtplan.messages import normalize_lang, t
from rtplan.tables import is_missing
from rtplan.views.base import Col, View, ViewSpec

# -- declarations ---------------------------------------------------------------------
FORM = ViewSpec("kas.form", (
    Col("no", "kas.col.no"),
    Col("kegiatan", "kas.col.kegiatan", cut=60),
    Col("jumlah_idr", "kas.col.jumlah", fmt="idr_blank"),
    Col("keterangan", "kas.col.keterangan"),
))
"""The report form: Roman numerals for the four rows, 1, 2, ... for line items."""

BOOK = ViewSpec("kas.book", (
    Col("entry_id", "kas.book.entry_id", fmt="id"),
    Col("date", "kas.book.date", fmt="date"),
    Col("description", "kas.book.description", cut=44),
    Col("income_idr", "kas.book.income", fmt="idr_blank"),
    Col("expense_idr", "kas.book.expense", fmt="idr_blank"),
    Col("balance_idr", "kas.book.balance", fmt="idr"),
    Col("activity_id", "kas.book.activity_id", fmt="id"),
    Col("proof", "kas.book.proof", cut=44),
), caption="kas.book.caption")
"""The cash book: income and expense cells stay empty when nothing moved."""

BOOK_SHORT = ("entry_id", "date", "description", "income_idr", "expense_idr", "balance_idr")
"""The book's columns a narrow panel shows (:func:`book_view` ``only=``)."""

_SECTIONS = ((INCOME, "II", "kas.form.income", "kas.form.income_total"),
             (EXPENSE, "III", "kas.form.expense", "kas.form.expense_total"))


# -- builders -------------------------------------------------------------------------
def form_title(summary: KasSummary, lang: str | None = None) -> str:
    """``Laporan kas RT 1 Desember 2026 s.d. 31 Mei 2027``."""
    lang = normalize_lang(lang or summary.lang)
    return t("kas.form.title", lang, start=format_date(summary.start, lang, "long"),
             end=format_date(summary.end, lang, "long"))


def form_frame(summary: KasSummary, lang: str | None = None) -> pd.DataFrame:
    """The form's rows as raw values: ``no``, ``kegiatan``, ``jumlah_idr`` (None on a
    section's heading row), ``keterangan``."""
    lang = normalize_lang(lang or summary.lang)
    rows: list[dict[str, object]] = []

    def add(no: str, kegiatan: str, amount: int | None, keterangan: str = "") -> None:
        rows.append({"no": no, "kegiatan": kegiatan, "jumlah_idr": amount, "keterangan": keterangan})

    add("I", t("kas.form.opening", lang, date=format_date(summary.start, lang, "long")),
        summary.opening_balance_idr, ", ".join(summary.opening_entry_ids))
    totals = {INCOME: summary.income_idr, EXPENSE: summary.expense_idr}
    for section, roman, heading, total_key in _SECTIONS:
        add(roman, t(heading, lang), None)
        items = summary.section(section)
        if items.empty:
            add("", t("kas.form.none", lang), 0)
        for item in items.itertuples(index=False):
            add(str(item.no), item.kegiatan, int(item.jumlah_idr), item.keterangan)
        add("", t(total_key, lang), totals[section])
    add("IV", t("kas.form.closing", lang, date=format_date(summary.end, lang, "long")),
        summary.closing_balance_idr, t("kas.form.closing_note", lang))
    return pd.DataFrame(rows, columns=["no", "kegiatan", "jumlah_idr", "keterangan"]).astype({"jumlah_idr": "object"})


def form_view(summary: KasSummary, lang: str | None = None) -> View:
    """The kas report form of a period (:data:`FORM`), its title as the caption."""
    lang = normalize_lang(lang or summary.lang)
    return FORM.build(form_frame(summary, lang), lang, caption=form_title(summary, lang),
                      table_id="rtplan-kas-form")


def book_frame(entries: pd.DataFrame) -> pd.DataFrame:
    """A book (:func:`rtplan.kas.book`, or a summary's ``entries``) with empty income or
    expense cells where nothing moved (a frame made so already stays as it is)."""
    frame = entries.copy()
    for column in ("income_idr", "expense_idr"):
        frame[column] = [None if is_missing(v) or not v else int(v) for v in frame[column]]
    return frame


def book_view(entries: KasSummary | pd.DataFrame, lang: str | None = None, *, only: Sequence[str] | None = None,
              caption: str | None = None, table_id: str | None = None) -> View:
    """The cash book with its running balance (:data:`BOOK`).

    Parameters
    ----------
    entries : a :class:`~rtplan.kas.KasSummary` (its period's entries) or a book frame.
    only : a subset of the columns (e.g. :data:`BOOK_SHORT`).
    caption : the caption's text (default: "Buku kas dengan saldo berjalan").
    """
    if isinstance(entries, KasSummary):
        lang, frame = normalize_lang(lang or entries.lang), entries.entries
    else:
        lang, frame = normalize_lang(lang), entries
    return BOOK.build(book_frame(frame), lang, only=only, caption=caption, table_id=table_id or "rtplan-kas-book")



__all__ = ["BOOK", "BOOK_SHORT", "FORM", "book_frame", "book_view", "form_frame", "form_title", "form_view"]
