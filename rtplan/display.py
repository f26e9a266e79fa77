"""The one helper that turns a table into HTML for notebooks and documents.

No index column, left-aligned wrapping cells, escaped text (a resident's ``<script>``
prints literally), numbers right-aligned, and a stable ``id`` so outputs are
deterministic. It is :func:`rtplan.render.table`: the HTML comes from the one
autoescaping renderer (``rtplan/render/templates/table.html.j2``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
from markupsafe import Markup

from rtplan.render import table


def html_table(
    frame: pd.DataFrame,
    headers: Mapping[str, str] | None = None,
    table_id: str | None = None,
    numeric: Sequence[str] = (),
    caption: str | None = None,
    css_class: str = "rtplan-table",
) -> Markup:
    """An HTML ``<table>`` of ``frame`` (escaped :class:`~markupsafe.Markup`).

    Parameters
    ----------
    frame : the rows to show, in order; every cell is shown as text.
    headers : column name -> header text (default: the column names).
    table_id : the ``id`` attribute (stable, for tests and print CSS).
    numeric : columns to right-align (counts, Rupiah).
    caption : optional caption above the table.
    """
    return table(frame, headers, table_id=table_id, numeric=numeric, caption=caption, css_class=css_class)
