"""The one helper that turns a table into HTML for notebooks and documents.

No index column, left-aligned wrapping cells, escaped text (a resident's ``<script>``
prints literally), numbers right-aligned, and a stable ``id`` so outputs are
deterministic.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import pandas as pd

from rtplan.tables import is_missing


def html_table(
    frame: pd.DataFrame,
    headers: Mapping[str, str] | None = None,
    table_id: str | None = None,
    numeric: Sequence[str] = (),
    caption: str | None = None,
    css_class: str = "rtplan-table",
) -> str:
    """An HTML ``<table>`` of ``frame``.

    Parameters
    ----------
    frame : the rows to show, in order; every cell is shown as text.
    headers : column name -> header text (default: the column names).
    table_id : the ``id`` attribute (stable, for tests and print CSS).
    numeric : columns to right-align (counts, Rupiah).
    caption : optional caption above the table.
    """
    headers = dict(headers or {})
    numeric = set(numeric) | {c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])
                              and not pd.api.types.is_bool_dtype(frame[c])}
    attrs = f' class="{css_class}"' + (f' id="{html.escape(table_id)}"' if table_id else "")
    parts = [f"<table{attrs}>"]
    if caption:
        parts.append(f"<caption>{html.escape(caption)}</caption>")
    parts.append("<thead><tr>")
    for col in frame.columns:
        align = ' style="text-align:right"' if col in numeric else ' style="text-align:left"'
        parts.append(f"<th{align}>{html.escape(str(headers.get(col, col)))}</th>")
    parts.append("</tr></thead><tbody>")
    for record in frame.itertuples(index=False, name=None):
        parts.append("<tr>")
        for col, value in zip(frame.columns, record):
            text = "" if is_missing(value) else str(value)
            style = "text-align:right;white-space:nowrap" if col in numeric else "text-align:left"
            parts.append(f'<td style="{style}">{html.escape(text)}</td>')
        parts.append("</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)
