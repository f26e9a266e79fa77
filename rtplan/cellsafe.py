"""Spreadsheet cells that never run as formulas (OWASP "CSV injection").

A resident may type ``=HYPERLINK(...)``, ``+62 812...`` or ``- jalan rusak`` as free
text. Excel, LibreOffice and Google Sheets treat a cell starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return as a formula. Every CSV and spreadsheet
cell rtplan writes from text goes through :func:`neutralize`, which puts an
apostrophe in front of such text: spreadsheets show the text and never evaluate it,
and a reader still sees what was typed.
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula."""
    return text.startswith(FORMULA_STARTS)


def neutralize(value: Any) -> Any:
    """``value`` made safe for a spreadsheet cell; numbers and non-text pass unchanged."""
    if isinstance(value, str) and is_formula_like(value):
        return "'" + value
    return value
