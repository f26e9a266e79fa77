"""Step 4: the kas RT (cash book): running balance, period summary and checks.

* :mod:`rtplan.kas.ledger` - the book in date order with its running balance;
* :mod:`rtplan.kas.checks` - what the treasurer should look at, and a new entry's preview;
* :mod:`rtplan.kas.summary` - the report of a period (the Jakarta form's figures);
* the tables people read (the form, the book) are declared in :mod:`rtplan.views.kas`.

The period summary follows the form Jakarta asks every RT to read out to residents at
least every six months: rows *Saldo awal* /
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

from rtplan.kas.checks import EntryPreview, KasCheck, kas_checks, preview_entry
from rtplan.kas.ledger import (
    BOOK_COLUMNS,
    EXPENSE,
    INCOME,
    KNOWN_CATEGORIES,
    OPENING_CATEGORY,
    KasSettings,
    activity_spending,
    book,
    category_label,
    closing_balance,
    is_blank,
    mask_private,
    monthly_balances,
    select_rows,
)
from rtplan.kas.summary import LINE_COLUMNS, KasSummary, default_period, kas_summary, summarize

__all__ = [
    "BOOK_COLUMNS", "EXPENSE", "INCOME", "KNOWN_CATEGORIES", "LINE_COLUMNS", "OPENING_CATEGORY", "EntryPreview",
    "KasCheck", "KasSettings", "KasSummary", "activity_spending", "book", "category_label", "closing_balance",
    "default_period",
    "is_blank", "kas_checks", "kas_summary", "mask_private", "monthly_balances", "preview_entry", "select_rows",
    "summarize",
]
